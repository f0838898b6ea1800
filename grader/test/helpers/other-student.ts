import net from 'node:net';

// Another student's server on this machine (port 12362, every address): what a sandboxed
// program must never reach. Runs `grade` while it listens; the addresses that connected to it.

export async function connectionsToOtherStudent(grade: () => Promise<void>): Promise<string[]> {
  const attempts: string[] = [];
  const otherStudent = net.createServer((socket) => {
    attempts.push(String(socket.remoteAddress));
    socket.destroy();
  });
  await new Promise<void>((resolve) => otherStudent.listen(12362, '::', resolve));
  try {
    await grade();
  } finally {
    await new Promise((resolve) => otherStudent.close(resolve));
  }
  return attempts;
}
