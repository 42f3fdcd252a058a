"""Runs a program in a pseudo-terminal, waits for MARKER, stops it with SIGTSTP (as ctrl+z in a shell does), checks
that it stopped, continues it with SIGCONT (as `fg` does), waits for MARKER again, then sends KEY. Prints one JSON
line: the exit code, whether it stopped, and what it wrote before the stop, while stopped and after `fg`."""
import json, os, pty, select, signal, sys, time

def main():
    marker = sys.argv[1].encode()
    key = sys.argv[2].encode().decode('unicode_escape').encode('latin-1')
    argv = sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    parts = [b'', b'', b'']
    phase = 0
    stopped = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            parts[phase] += chunk
        if phase == 0 and marker in parts[0]:
            os.kill(pid, signal.SIGTSTP)
            _, status = os.waitpid(pid, os.WUNTRACED)
            stopped = os.WIFSTOPPED(status)
            phase = 1
        elif phase == 1:
            # Whatever it wrote on the way to the stop has arrived by now.
            time.sleep(0.2)
            while select.select([fd], [], [], 0)[0]:
                parts[1] += os.read(fd, 65536)
            os.kill(pid, signal.SIGCONT)
            phase = 2
        elif phase == 2 and marker in parts[2] and key:
            os.write(fd, key)
            key = b''
    _, status = os.waitpid(pid, 0)
    out = [part.decode('utf-8', 'replace') for part in parts]
    print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'stopped': stopped, 'before': out[0], 'stop': out[1], 'after': out[2]}))

main()
