"""safety.py — gouji serve's safety list, each item tried over loopback.

Starts `$GOUJI serve --port 0 --max-upload 1` with a private TMPDIR and
checks: every page has the strict Content-Security-Policy; an oversize
upload is refused with 413 (declared, and sent in chunks with no length);
a foreign Host is refused (DNS rebinding); a request without the form's
token, with a wrong one or from another site's page is refused, and
writes nothing; unknown pages and methods are refused; a slowloris client
does not keep a second client waiting; 200 concurrent requests are all
answered; the private folders are gone afterwards.  Prints lines that do
not depend on timing; exits 1 when a check fails.
"""

import http.client
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time

GOUJI = os.environ.get("GOUJI", "build/gouji")
SLOW = 10 if ("valgrind" in GOUJI or "asan" in GOUJI) else 1
failed = 0


def check(what, ok, detail=None):
    global failed
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok or detail is None else " (%s)" % (detail,)))
    if not ok:
        failed += 1


def multipart(fields):
    """fields: (name, filename or None, bytes); returns (body, content type)"""
    boundary = "gouji-test-boundary-7d1f"
    out = []
    for name, filename, data in fields:
        disp = 'form-data; name="%s"' % name
        if filename is not None:
            disp += '; filename="%s"' % filename
        out.append(("--%s\r\nContent-Disposition: %s\r\n\r\n" % (boundary, disp)).encode() + data + b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def request(port, method, path, body=None, headers=None, timeout=30):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout * SLOW)
    try:
        c.request(method, path, body=body, headers=headers or {})
    except (BrokenPipeError, ConnectionResetError):
        pass    # refused before the body was all sent: the answer is there
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict(r.getheaders()), data


def main():
    tmp = tempfile.mkdtemp(prefix="gouji-safety-")
    env = dict(os.environ, TMPDIR=tmp)
    proc = subprocess.Popen(shlex.split(GOUJI) + ["serve", "--port", "0", "--no-open",
                                                 "--max-upload", "1", "--timeout", "30"],
                            stdout=subprocess.PIPE, env=env, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            print("FAIL: serve did not start: %r" % line)
            return 1
        port = int(m.group(1))
        host = {"Host": "127.0.0.1:%d" % port}

        status, headers, page = request(port, "GET", "/")
        csp = headers.get("Content-Security-Policy", "")
        check("GET / is 200 with the CSP", status == 200 and csp.startswith("default-src 'none';")
              and "script-src" not in csp and "form-action 'self'" in csp, (status, csp))
        check("the page has no script", b"<script" not in page)
        token = re.search(rb'name="token" value="([0-9a-f]{32})"', page).group(1)
        sample = open("examples/shapotou_gxj_2022.md", "rb").read()

        # oversize: declared, then in chunks with no length
        body, ctype = multipart([("token", None, token), ("report", "big.md", b"x" * (2 << 20))])
        status, headers, _ = request(port, "POST", "/check", body, {"Content-Type": ctype})
        check("oversize upload (Content-Length) is 413", status == 413, status)
        check("the 413 page has the CSP too", headers.get("Content-Security-Policy") == csp)

        def chunks():
            for i in range(0, len(body), 65536):
                yield body[i:i + 65536]
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30 * SLOW)
        try:
            c.request("POST", "/check", body=chunks(), headers={"Content-Type": ctype},
                      encode_chunked=True)
        except (BrokenPipeError, ConnectionResetError):
            pass
        r = c.getresponse()
        check("oversize upload in chunks is 413", r.status == 413, r.status)
        c.close()

        # Host: DNS rebinding
        status, _, _ = request(port, "GET", "/", headers={"Host": "evil.example:%d" % port})
        check("a foreign Host is refused (403)", status == 403, status)
        status, _, _ = request(port, "GET", "/", headers={"Host": "localhost:%d" % port})
        check("localhost:PORT is this server", status == 200, status)

        # the token
        body, ctype = multipart([("report", "a.md", sample)])
        status, _, data = request(port, "POST", "/check", body, {"Content-Type": ctype})
        check("a request without the token is refused (403)",
              status == 403 and "表单已失效".encode() in data, status)
        body, ctype = multipart([("token", None, b"0" * 32), ("report", "a.md", sample)])
        status, _, _ = request(port, "POST", "/check", body, {"Content-Type": ctype})
        check("a wrong token is refused (403)", status == 403, status)
        body, ctype = multipart([("token", None, token), ("report", "a.md", sample)])
        status, _, data = request(port, "POST", "/check", body,
                                  {"Content-Type": ctype, "Origin": "http://evil.example"})
        check("a form from another site is refused (403)", status == 403, status)
        status, headers, data = request(port, "POST", "/check", body, {"Content-Type": ctype})
        check("with the token: 200 and the annotated page", status == 200 and
              "沙坡头区工业信息化和商务局 2022 年政府信息公开工作年度报告".encode() in data, status)
        check("the result page has the CSP and no script",
              headers.get("Content-Security-Policy") == csp and b"<script" not in data)
        body, ctype = multipart([("token", None, token), ("format", None, b"csv"),
                                 ("report", "../../etc/passwd.md", sample)])
        status, headers, data = request(port, "POST", "/check", body, {"Content-Type": ctype})
        check("a client path is only a name: ../../etc/passwd.md shown as passwd.md",
              status == 200 and data.decode("utf-8").split("\r\n")[1].startswith("passwd.md,"), data[:120])

        # other pages and methods
        status, _, _ = request(port, "GET", "/etc/passwd")
        check("an unknown page is 404", status == 404, status)
        status, _, _ = request(port, "PUT", "/check", b"x")
        check("another method is 405", status == 405, status)

        # slowloris: a client that sends its request a byte at a time
        slow = socket.create_connection(("127.0.0.1", port))
        stop = threading.Event()

        def trickle():
            text = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Slow: " % port).encode()
            for b in text + b"a" * 1000:
                if stop.is_set():
                    return
                try:
                    slow.send(bytes([b]))
                except OSError:
                    return
                time.sleep(0.5)
        t = threading.Thread(target=trickle)
        t.start()
        time.sleep(1)
        started = time.monotonic()
        status, _, _ = request(port, "GET", "/", timeout=5)
        took = time.monotonic() - started
        check("a slowloris client does not block a second one (answered in < 2 s)",
              status == 200 and took < 2 * SLOW, "%d in %.1f s" % (status, took))
        stop.set()
        slow.close()
        t.join()

        # 200 concurrent requests
        results = []
        lock = threading.Lock()

        def one():
            try:
                s, _, d = request(port, "GET", "/", timeout=60)
                ok = s == 200 and d.endswith(b"</html>\n")
            except OSError as e:
                ok = repr(e)
            with lock:
                results.append(ok)
        threads = [threading.Thread(target=one) for _ in range(200)]
        started = time.monotonic()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        took = time.monotonic() - started
        answered = sum(1 for r in results if r is True)
        check("200 concurrent requests: all answered, whole pages (in < 30 s)",
              answered == 200 and took < 30 * SLOW,
              "%d answered in %.1f s; %s" % (answered, took, [r for r in results if r is not True][:3]))
        left = [n for n in os.listdir(tmp) if n.startswith("gouji-")]
        check("no upload left in the temporary folder", left == [], left)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30 * SLOW)
        except subprocess.TimeoutExpired:
            proc.kill()
        check("serve ends on SIGTERM with exit 0", proc.returncode == 0, proc.returncode)
        for n in os.listdir(tmp):
            p = os.path.join(tmp, n)
            if os.path.isdir(p):
                for f in os.listdir(p):
                    os.unlink(os.path.join(p, f))
                os.rmdir(p)
            else:
                os.unlink(p)
        os.rmdir(tmp)
    print("all passed" if not failed else "%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
