// Submissions get a minimal environment: what they need to run and the run contract's
// variables, never the grader's own environment (which may hold secrets).

const passedThrough = process.platform === 'win32' ? ['PATH', 'SYSTEMROOT', 'TEMP', 'TMP', 'PATHEXT', 'COMSPEC'] : ['PATH'];

export interface RunContract {
  readonly port?: number;
  readonly host?: string;
  /** Left out on purpose in a full grade, so that the program's default (10 s) is what is graded. */
  readonly socketTimeoutSeconds?: number;
}

export function programEnvironment(contract: RunContract): Record<string, string> {
  const env: Record<string, string> = {
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    // Without it Python keeps its prints in a buffer, and log lines arrive only at exit.
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    NO_COLOR: '1',
  };
  for (const name of passedThrough) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  if (contract.port !== undefined) env.PORT = String(contract.port);
  if (contract.host !== undefined) env.HOST = contract.host;
  if (contract.socketTimeoutSeconds !== undefined) env.SOCKET_TIMEOUT = String(contract.socketTimeoutSeconds);
  return env;
}
