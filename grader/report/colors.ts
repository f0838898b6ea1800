import pc from 'picocolors';

// Colour is passed to reporters, never global: off for files, for NO_COLOR, TERM=dumb and CI.
export type Colors = ReturnType<typeof pc.createColors>;

export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  if ('NO_COLOR' in env) return pc.createColors(false);
  return pc.createColors('FORCE_COLOR' in env || (stream.isTTY === true && env.TERM !== 'dumb' && !env.CI));
}

export const noColors: Colors = pc.createColors(false);
