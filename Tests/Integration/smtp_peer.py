"""aiosmtpd, a real third-party SMTP server, as the relay Switchboard's email senders deliver to: STARTTLS with a
self-signed certificate made for the test by `openssl`, AUTH checked against one password, and every mail kept."""

import email
import email.policy
import ssl
import subprocess
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from server_process import free_port


def self_signed_certificate(directory):
    """A key and certificate for 127.0.0.1 and localhost; returns (cert path, key path)."""
    cert, key = directory / "relay-cert.pem", directory / "relay-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


class Relay:
    """Mail handler for aiosmtpd: keeps each accepted mail, and can answer DATA with a 4xx a number of times."""

    def __init__(self):
        self.lock = threading.Lock()
        self.mails = []
        self.refusals = []
        self.data_attempts = 0

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.data_attempts += 1
            if self.refusals:
                return self.refusals.pop(0)
            self.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), envelope.content,
                                   tls=session.ssl is not None, authenticated=bool(session.authenticated)))
        return "250 2.0.0 OK: queued"

    def refuse_next(self, reply):
        """Answers the next DATA with `reply` (e.g. `451 4.3.0 Try again later`)."""
        with self.lock:
            self.refusals.append(reply)

    def to(self, recipient):
        """The mails accepted for `recipient`."""
        with self.lock:
            return [m for m in self.mails if recipient in m.recipients]


class Mail:
    """One accepted mail: its envelope, raw bytes and parsed message, and how its session was secured."""

    def __init__(self, mail_from, recipients, content, tls, authenticated):
        self.mail_from = mail_from
        self.recipients = recipients
        self.content = content
        self.message = email.message_from_bytes(content, policy=email.policy.default)
        self.tls = tls
        self.authenticated = authenticated


def start_relay(cert=None, key=None, username=None, password=None):
    """aiosmtpd on a free loopback port: with STARTTLS required and AUTH (only over TLS) checking `password` when
    `cert` is given, in plain text otherwise. Returns (controller, relay handler, port)."""
    relay = Relay()
    port = free_port()
    kwargs = {}
    if cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert), str(key))

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login.decode() == username and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs = dict(tls_context=context, require_starttls=True, authenticator=authenticator, auth_require_tls=True)
    controller = Controller(relay, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    return controller, relay, port
