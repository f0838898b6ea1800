import { expect, test } from 'vitest';
import { portsFromLsof, portsFromNetstat } from '../../net/listener-tools.ts';
import { parseNetstat } from '../../net/netstat-table.ts';

// What macOS's and Windows' own tools print, as the grader reads it there (the portable ways:
// grader/test/portable.test.ts runs them live here, through lsof and Linux's netstat).

test("netstat's sockets on Linux, macOS and Windows: ports and states", () => {
  const linux = ['Proto Recv-Q Send-Q Local Address           Foreign Address         State', 'tcp        0      0 0.0.0.0:12345           0.0.0.0:*               LISTEN', 'tcp        0      0 127.0.0.1:12345         127.0.0.1:48088         TIME_WAIT', 'tcp6       0      0 :::5000                 :::*                    LISTEN'];
  const macos = ['Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)', 'tcp4       0      0  127.0.0.1.12345        *.*                    LISTEN', 'tcp4       0      0  127.0.0.1.12345        127.0.0.1.48088        TIME_WAIT', 'tcp46      0      0  *.5000                 *.*                    LISTEN', 'udp4       0      0  *.5353                 *.*'];
  const windows = ['  Proto  Local Address          Foreign Address        State', '  TCP    0.0.0.0:12345          0.0.0.0:0              LISTENING', '  TCP    127.0.0.1:12345        127.0.0.1:48088        TIME_WAIT', '  TCP    [::]:5000              [::]:0                 LISTENING', '  UDP    0.0.0.0:5353           *:*'];
  const expected = [
    { localPort: 12345, remotePort: 0, state: 'listen', inode: undefined },
    { localPort: 12345, remotePort: 48088, state: 'time-wait', inode: undefined },
    { localPort: 5000, remotePort: 0, state: 'listen', inode: undefined },
  ];
  for (const lines of [linux, macos, windows]) expect(parseNetstat(lines.join('\n'))).toEqual(expected);
  expect(parseNetstat(windows.join('\r\n'))).toEqual(expected);
});

test("lsof's listeners of a process group, and netstat -ano's of one PID", () => {
  expect(portsFromLsof(['p4321', 'f3', 'n127.0.0.1:12345', 'f4', 'n*:5000', 'p4322', 'f5', 'n[::1]:5000'].join('\n'))).toEqual([12345, 5000]);
  expect(portsFromLsof('')).toEqual([]);
  const netstat = ['  TCP    127.0.0.1:12345        0.0.0.0:0              LISTENING       4321', '  TCP    [::]:5000              [::]:0                 LISTENING       4321', '  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       912', '  TCP    127.0.0.1:12345        127.0.0.1:50123        ESTABLISHED     4321'].join('\r\n');
  expect(portsFromNetstat(netstat, 4321)).toEqual([12345, 5000]);
  expect(portsFromNetstat(netstat, 1)).toEqual([]);
});
