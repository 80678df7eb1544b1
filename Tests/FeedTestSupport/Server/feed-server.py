"""A small HTTP server for podread's feed tests: files from a folder, with ETags,
Last-Modified and gzip, and faults on purpose. Prints its port on the first line.

  /files/NAME         the file (ETag, Last-Modified, 304, gzip when asked; type by extension)
  /as/TYPE/NAME       the file served with Content-Type TYPE (a lying type), '~' for '/'
  /moved/NAME         301 to /files/NAME          /found/NAME   302 to /files/NAME
  /flaky/N/NAME       500 for the first N requests, then the file
  /status/CODE        that status, empty body     /loop         302 to itself
  /slow               a byte a second, forever    /short        a body shorter than its length
  /endless            bytes without end           /to-file      302 to file:///etc/passwd
  /stats              requests per path so far, as JSON
"""
import gzip, hashlib, http.server, json, os, sys, threading, time, email.utils

ROOT = sys.argv[1]
counts = {}
lock = threading.Lock()
TYPES = {'.xml': 'application/rss+xml', '.rss': 'application/rss+xml', '.vtt': 'text/vtt', '.srt': 'application/x-subrip',
         '.json': 'application/json', '.html': 'text/html', '.txt': 'text/plain'}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # Headers and body go out in separate writes: without this, Nagle's algorithm and a
    # delayed ACK hold each answer 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def count(self):
        with lock:
            counts[self.path] = counts.get(self.path, 0) + 1
            return counts[self.path]

    def empty(self, code, headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def file(self, name, content_type=None):
        path = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(path):
            return self.empty(404)
        body = open(path, 'rb').read()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(int(os.path.getmtime(path)), usegmt=True)
        if self.headers.get('If-None-Match') == etag or (self.headers.get('If-None-Match') is None and self.headers.get('If-Modified-Since') == modified):
            return self.empty(304, [('ETag', etag), ('Last-Modified', modified)])
        kind = content_type or TYPES.get(os.path.splitext(path)[1], 'application/octet-stream')
        headers = [('ETag', etag), ('Last-Modified', modified), ('Content-Type', kind)]
        if 'gzip' in (self.headers.get('Accept-Encoding') or ''):
            body = gzip.compress(body)
            headers.append(('Content-Encoding', 'gzip'))
        self.send_response(200)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        n = self.count()
        parts = self.path.split('?')[0].strip('/').split('/')
        kind = parts[0]
        try:
            if kind == 'files':
                self.file(parts[1])
            elif kind == 'as':
                self.file(parts[2], parts[1].replace('~', '/'))
            elif kind == 'moved':
                self.empty(301, [('Location', '/files/' + parts[1])])
            elif kind == 'found':
                self.empty(302, [('Location', '/files/' + parts[1])])
            elif kind == 'flaky':
                if n <= int(parts[1]):
                    self.empty(500)
                else:
                    self.file(parts[2])
            elif kind == 'status':
                self.empty(int(parts[1]))
            elif kind == 'loop':
                self.empty(302, [('Location', '/loop')])
            elif kind == 'to-file':
                self.empty(302, [('Location', 'file:///etc/passwd')])
            elif kind == 'slow':
                self.send_response(200)
                self.send_header('Content-Length', '1000000')
                self.end_headers()
                while True:
                    self.wfile.write(b'x')
                    self.wfile.flush()
                    time.sleep(1)
            elif kind == 'short':
                self.send_response(200)
                self.send_header('Content-Length', '1000')
                self.send_header('Content-Type', 'text/vtt')
                self.end_headers()
                self.wfile.write(b'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello')
                self.wfile.flush()
                self.close_connection = True
            elif kind == 'endless':
                self.send_response(200)
                self.end_headers()
                # Endless, at about 6 MB/s: a flood would starve a client under
                # AddressSanitizer long after it has cancelled.
                while True:
                    self.wfile.write(b'x' * 65536)
                    time.sleep(0.01)
            elif kind == 'stats':
                with lock:
                    body = json.dumps(counts).encode()
                self.send_response(200)
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.empty(404)
        except (BrokenPipeError, ConnectionResetError):
            pass

server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
