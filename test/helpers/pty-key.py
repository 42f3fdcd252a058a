"""Runs a program in a pseudo-terminal, waits for MARKER in its output, sends KEY (a byte, e.g. \\x03 for ctrl+c),
and prints one JSON line: the program's exit code and everything it wrote. Used to press keys at real prompts."""
import json, os, pty, select, sys, time

def main():
    marker = sys.argv[1].encode()
    key = sys.argv[2].encode().decode('unicode_escape').encode('latin-1')
    argv = sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    output = b''
    sent = False
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
            output += chunk
        if not sent and marker in output:
            os.write(fd, key)
            sent = True
    _, status = os.waitpid(pid, 0)
    print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'sent': sent, 'output': output.decode('utf-8', 'replace')}))

main()
