"""Runs a program in a pseudo-terminal (80x24) and reports, as one JSON line: milliseconds from spawn to the
first output containing MARKER (several markers separated by '|': the time each first appears, in
"markersMs", waiting up to 120 s for all), and optionally the resident memory after sending keys, at once and again after
IDLE seconds without input. Used by bench.ts."""
import fcntl, json, os, pty, select, struct, sys, termios, time

def main():
    markers = [part.encode() for part in sys.argv[1].split('|')]
    marker = markers[0]
    keys = sys.argv[2]  # keys to send after the marker, '' for none; '~' waits for output to settle
    settle_marker = sys.argv[3].encode()  # text that must be on screen after the keys ('' = none)
    idle = float(sys.argv[4])  # seconds to wait, reading output, before the second memory reading
    argv = sys.argv[5:]
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    buffer = b''
    first = None
    deadline = started + (120 if len(markers) > 1 else 30)
    seen = {}
    def read_some(timeout):
        nonlocal buffer
        ready, _, _ = select.select([fd], [], [], timeout)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            buffer += chunk
        return True
    while len(seen) < len(markers) and time.monotonic() < deadline:
        if not read_some(0.05):
            break
        for each in markers:
            if each not in seen and each in buffer:
                seen[each] = (time.monotonic() - started) * 1000
        first = seen.get(marker)
        # Only the latest screenful matters for what is still to come; the buffer stays small.
        if len(buffer) > 1 << 20:
            buffer = buffer[-65536:]
    def resident_mib():
        with open(f'/proc/{pid}/status') as status:
            for line in status:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) / 1024
    rss = None
    idle_rss = None
    if keys and first is not None:
        for key in keys:
            os.write(fd, key.encode())
            read_some(0.02)
        buffer = b''
        end = time.monotonic() + 10
        while time.monotonic() < end and settle_marker not in buffer:
            read_some(0.05)
        rss = resident_mib()
        end = time.monotonic() + idle
        while time.monotonic() < end:
            read_some(0.1)
        idle_rss = resident_mib()
    os.write(fd, b'q')
    end = time.monotonic() + 5
    while time.monotonic() < end:
        if not read_some(0.05):
            break
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    print(json.dumps({'firstFrameMs': first, 'rssMiB': rss, 'idleRssMiB': idle_rss,
                      'markersMs': {each.decode(): ms for each, ms in seen.items()}}))

main()
