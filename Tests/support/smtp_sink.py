"""A real SMTP server for the tests: stores every message it receives as a file.

Usage: smtp_sink.py PORT DIRECTORY [TLS_PORT CERT KEY]
With TLS_PORT, a second listener requires STARTTLS and AUTH (user `mentore`, password `smtp-secret`).
Each message becomes DIRECTORY/<n>.eml, its first line `X-Envelope-To: a,b` naming the recipients.
"""
import asyncio
import itertools
import os
import signal
import sys

import ssl

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        number = next(self.counter)
        path = os.path.join(self.directory, f"{os.getpid()}-{number:06d}.eml")
        tmp = path + ".part"
        with open(tmp, "wb") as f:
            f.write(("X-Envelope-To: " + ",".join(envelope.rcpt_tos) + "\r\n").encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, path)
        return "250 Message accepted for delivery"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"mentore" and auth_data.password == b"smtp-secret"
    return AuthResult(success=ok)


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    sink = Sink(directory)
    controllers = [Controller(sink, hostname="127.0.0.1", port=port)]
    if len(sys.argv) > 3:
        tls_port, cert, key = int(sys.argv[3]), sys.argv[4], sys.argv[5]
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        controllers.append(Controller(
            sink, hostname="127.0.0.1", port=tls_port, tls_context=context, require_starttls=True,
            auth_required=True, auth_require_tls=True, authenticator=authenticate))
    for controller in controllers:
        controller.start()
    print(f"smtp sink on 127.0.0.1:{port}, writing to {directory}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    for controller in controllers:
        controller.stop()


if __name__ == "__main__":
    main()
