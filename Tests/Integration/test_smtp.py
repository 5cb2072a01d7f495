"""Email over SMTP, both ways, against real peers on loopback. Outbound: aiosmtpd (from PyPI) is the relay, with
STARTTLS on a self-signed certificate that the sender's `ca_file` trusts and AUTH checked over TLS; the test reads
the mail it got. Inbound: Python's `smtplib` writes to the server's own listener (`SWITCHBOARD_SMTP_PORT`), which
offers STARTTLS with the same certificate.

Threading: a reply lands in the conversation whose participant has the customer's address and the sender's
address, the pair every channel threads by; a reply whose `In-Reply-To` names a mail the sender wrote (its
`Message-ID` is the message's SID at the sender's domain) lands in that mail's conversation, even from another of
the customer's mailboxes."""

import http.server
import json
import random
import threading
import smtplib
import ssl
import time
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import make_msgid
from types import SimpleNamespace

import pytest

from conftest import BACKENDS, public_server
from factories import random_auth_token, unique_name
from flex_contact_center import ContactCenter
from polling import eventually
from server_process import free_port
from smtp_peer import self_signed_certificate, start_relay

SENDERS = "/switchboard/v1/Senders"
MAX_MESSAGE_BYTES = 50_000


@pytest.fixture(scope="module")
def smtp_port():
    return free_port()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1: the relay's, and the listener's for STARTTLS."""
    return self_signed_certificate(tmp_path_factory.mktemp("relay-tls"))


@pytest.fixture(scope="module", params=BACKENDS)
def smtp_server(request, switchboard_bin, tmp_path_factory, smtp_port, certificate):
    """A server with its SMTP listener on `smtp_port`, taking mails of up to 50 kB and offering STARTTLS."""
    yield from public_server(switchboard_bin, tmp_path_factory, "smtp", request.param,
                             extra_env={"SWITCHBOARD_SMTP_PORT": str(smtp_port),
                                        "SWITCHBOARD_SMTP_MAX_MESSAGE_BYTES": str(MAX_MESSAGE_BYTES),
                                        "SWITCHBOARD_SMTP_TLS_CERT": str(certificate[0]),
                                        "SWITCHBOARD_SMTP_TLS_KEY": str(certificate[1])})


@pytest.fixture(scope="module")
def relay(certificate):
    """aiosmtpd requiring STARTTLS, with AUTH for `agent-relay` and its password."""
    password = "relay-pass-" + random_auth_token()
    controller, handler, port = start_relay(*certificate, username="agent-relay", password=password)
    handler.port, handler.password = port, password
    yield handler
    controller.stop()


@pytest.fixture(scope="module")
def plain_relay():
    """aiosmtpd in plain text, without STARTTLS or AUTH."""
    controller, handler, port = start_relay()
    handler.port = port
    yield handler
    controller.stop()


@pytest.fixture
def api(smtp_server):
    return smtp_server.raw()


@pytest.fixture
def client(smtp_server):
    return smtp_server.client(smtp_server.account_sid, smtp_server.auth_token)


ANSWERS = []
PASSWORDS = []


def make_sender(api, relay, certificate, **overrides):
    """An email sender delivering through `relay`; `overrides` replace settings (None removes one)."""
    address = f"support-{random.randrange(10 ** 9)}@switchboard.example"
    settings = {"host": "127.0.0.1", "port": relay.port, "username": "agent-relay", "password": getattr(relay, "password", None),
                "ca_file": str(certificate[0]), "from_name": "Café Support"}
    settings.update(overrides)
    settings = {k: v for k, v in settings.items() if v is not None}
    resp = api.post(SENDERS, {"Connector": "smtp", "Address": address, "FriendlyName": unique_name("mail"),
                              "Settings": json.dumps(settings)})
    assert resp.status_code == 201, resp.text
    ANSWERS.append(resp.text)
    if "password" in settings:
        PASSWORDS.append(settings["password"])
    return address


def customer():
    return f"ada.{random.randrange(10 ** 9)}@example.org"


def conversation_for(client, customer_address, sender_address):
    conversation = client.conversations.v1.conversations.create(friendly_name=unique_name("email"))
    conversation.participants.create(messaging_binding_address=customer_address, messaging_binding_proxy_address=sender_address)
    return client.conversations.v1.conversations(conversation.sid)


def mails_to(relay, address, count=1, timeout=20):
    found = eventually(lambda: (lambda got: got if len(got) >= count else None)(relay.to(address)), timeout=timeout)
    assert found, f"the relay got no mail for {address}"
    return found


def settled(client, address, timeout=20):
    """The messages to `address` once none is still on its way."""
    def ready():
        found = client.messages.list(to=address)
        return found if found and all(m.status in ("sent", "failed", "undelivered") for m in found) else None
    return eventually(ready, timeout=timeout) or client.messages.list(to=address)


def test_an_agents_answer_reaches_the_relay_over_starttls_and_auth_as_mime_with_both_parts(client, api, relay, certificate):
    sender, to = make_sender(api, relay, certificate), customer()
    conversation = conversation_for(client, to, sender)
    conversation.messages.create(author="agent.ann", body="Grüße, Ada!\n\nYour order <#42> ships today.\n.\nAnn",
                                        subject="Ihre Bestellung ✔")
    mail = mails_to(relay, to)[0]
    assert mail.tls and mail.authenticated
    assert (mail.mail_from, mail.recipients) == (sender, [to])
    message = mail.message
    assert message["From"].addresses[0].display_name == "Café Support"
    assert message["From"].addresses[0].addr_spec == sender
    assert str(message["To"]) == to
    assert str(message["Subject"]) == "Ihre Bestellung ✔"
    assert b"Subject: =?utf-8?b?" in mail.content
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain.get_content().replace("\r\n", "\n").strip() == "Grüße, Ada!\n\nYour order <#42> ships today.\n.\nAnn"
    assert "<p>Grüße, Ada!</p>" in html.get_content()
    assert "Your order &lt;#42&gt; ships today.<br>" in html.get_content()

    [stored] = settled(client, to)
    assert stored.status == "sent"
    assert message["Message-ID"] == f"<{stored.sid}@switchboard.example>"


@pytest.fixture(scope="module")
def files():
    """A loopback HTTP server with one PDF-ish file of 512 KiB (past the 64 KiB a webhook's answer is read to),
    for attachments fetched through the address guard."""
    body = b"%PDF-1.4\n" + bytes(range(256)) * 2048

    class Files(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/files/invoice.pdf":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_address[1]}/files/invoice.pdf", body=body)
    server.shutdown()


def test_media_urls_are_attached_around_both_alternatives(client, api, relay, certificate, files):
    sender, to = make_sender(api, relay, certificate), customer()
    client.messages.create(from_=sender, to=to, body="Your invoice is attached.", media_url=[files.url])
    message = mails_to(relay, to)[0].message
    assert message.get_content_type() == "multipart/mixed"
    assert message.get_body(preferencelist=("plain",)).get_content().strip() == "Your invoice is attached."
    assert message.get_body(preferencelist=("html",)) is not None
    [attachment] = list(message.iter_attachments())
    assert (attachment.get_content_type(), attachment.get_filename()) == ("application/pdf", "invoice.pdf")
    assert attachment.get_content() == files.body
    assert [m.status for m in settled(client, to)] == ["sent"]


def test_an_email_interaction_sends_its_subject_through_the_smtp_sender(client, api, relay, certificate):
    sender, to = make_sender(api, relay, certificate), customer()
    center = ContactCenter(client)
    interaction = center.interaction("email", to, sender)
    task = center.task_of(interaction)
    assert task["task_channel_unique_name"] == "email"
    conversation = client.conversations.v1.conversations(task["attributes"]["conversationSid"])
    conversation.messages.create(author="agent.ann", body="Your refund is on its way.", subject="Your refund")
    message = mails_to(relay, to)[0].message
    assert str(message["Subject"]) == "Your refund"
    assert message.get_body(preferencelist=("plain",)).get_content().strip() == "Your refund is on its way."


def test_a_wrong_password_fails_the_message_with_the_smtp_code(client, api, relay, certificate):
    sender, to = make_sender(api, relay, certificate, password="not-the-password-" + random_auth_token()), customer()
    client.messages.create(from_=sender, to=to, body="Will not arrive")
    [message] = settled(client, to)
    assert message.status == "failed"
    assert message.error_code == 30008
    assert "SMTP 535" in message.error_message and "AUTH" in message.error_message, message.error_message
    assert relay.to(to) == []


def test_a_4xx_reply_is_retried_until_the_relay_takes_the_mail(client, api, relay, certificate):
    sender, to = make_sender(api, relay, certificate), customer()
    attempts = relay.data_attempts
    relay.refuse_next("451 4.3.0 Try again later")
    client.messages.create(from_=sender, to=to, body="Second time lucky")
    mail = mails_to(relay, to, timeout=30)[0]
    assert relay.data_attempts >= attempts + 2
    assert mail.message.get_body(preferencelist=("plain",)).get_content().strip() == "Second time lucky"
    assert [m.status for m in settled(client, to)] == ["sent"]


def test_a_5xx_reply_to_the_mail_fails_it_with_the_code_and_text_kept(client, api, relay, certificate):
    sender, to = make_sender(api, relay, certificate), customer()
    relay.refuse_next("554 5.7.1 Message rejected as spam")
    client.messages.create(from_=sender, to=to, body="Buy now")
    [message] = settled(client, to)
    assert (message.status, message.error_code) == ("failed", 30007)
    assert "SMTP 554 5.7.1 Message rejected as spam" in message.error_message


def test_starttls_off_sends_in_plain_text_and_required_refuses_a_server_without_it(client, api, plain_relay, certificate):
    sender, to = make_sender(api, plain_relay, certificate, starttls="off", username=None, password=None, ca_file=None), customer()
    client.messages.create(from_=sender, to=to, body="In the clear, as configured")
    mail = mails_to(plain_relay, to)[0]
    assert not mail.tls
    assert [m.status for m in settled(client, to)] == ["sent"]

    strict, other = make_sender(api, plain_relay, certificate, username=None, password=None), customer()
    client.messages.create(from_=strict, to=other, body="Not in the clear")
    [message] = settled(client, other)
    assert (message.status, message.error_code) == ("failed", 30008)
    assert "STARTTLS" in message.error_message
    assert plain_relay.to(other) == []


def write(smtp_port, message, sender_address, mail_from=None):
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
        return smtp.sendmail(mail_from or message["From"], [sender_address], message.as_bytes())


def customer_mail(from_address, to_address, text, subject, html=None, **headers):
    message = MIMEMultipart("alternative")
    message["From"] = f"{Header('Ada Lövelace', 'utf-8').encode()} <{from_address}>"
    message["To"] = to_address
    message["Subject"] = Header(subject, "utf-8").encode()
    message["Message-ID"] = make_msgid(domain="example.org")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    plain = MIMEText(text, "plain", "utf-8")
    plain.replace_header("Content-Transfer-Encoding", "quoted-printable")
    plain.set_payload(__import__("quopri").encodestring(text.encode()).decode())
    message.attach(plain)
    message.attach(MIMEText(html or f"<p>{text}</p>", "html", "utf-8"))
    return message


def test_a_customers_mail_lands_in_their_conversation_with_its_subject(client, api, relay, certificate, smtp_port):
    sender, ada = make_sender(api, relay, certificate), customer()
    conversation = conversation_for(client, ada, sender)
    text = "Grüße! My parcel — order 42 — has not arrived. " + "This line is long enough to be soft-broken. " * 3
    mail = customer_mail(ada, sender, text, "Wo ist mein Paket? 📦")
    assert b"=?utf-8?" in mail.as_bytes() and b"quoted-printable" in mail.as_bytes()
    assert write(smtp_port, mail, sender) == {}
    messages = eventually(lambda: conversation.messages.list() or None)
    # Conversations' Message resource has no subject field to show; the stored subject is checked by EmailInboundTests.
    assert [(m.author, m.body) for m in messages] == [(ada, text.strip())]
    [inbound] = client.messages.list(from_=ada)
    assert (inbound.to, inbound.direction, inbound.body) == (sender, "inbound", text.strip())

    # The same Message-ID again (a relay retrying) is stored once.
    assert write(smtp_port, mail, sender) == {}
    time.sleep(0.5)
    assert len(conversation.messages.list()) == 1


def test_the_listener_offers_starttls_and_takes_mail_over_it(client, api, relay, certificate, smtp_port):
    sender, ada = make_sender(api, relay, certificate), customer()
    conversation = conversation_for(client, ada, sender)
    mail = customer_mail(ada, sender, "Sent over TLS", "Private")
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("starttls")
        smtp.starttls(context=ssl.create_default_context(cafile=str(certificate[0])))
        smtp.ehlo()
        assert not smtp.has_extn("starttls")
        assert smtp.sendmail(ada, [sender], mail.as_bytes()) == {}
    messages = eventually(lambda: conversation.messages.list() or None)
    assert [m.body for m in messages] == ["Sent over TLS"]


def test_mail_for_an_address_that_is_no_senders_gets_550(smtp_port):
    mail = customer_mail(customer(), "nobody@switchboard.example", "Hello?", "Anyone")
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        write(smtp_port, mail, "nobody@switchboard.example")
    assert refused.value.recipients["nobody@switchboard.example"][0] == 550


def test_mail_past_the_size_limit_gets_552_announced_or_not(client, api, relay, certificate, smtp_port):
    sender, ada = make_sender(api, relay, certificate), customer()
    conversation = conversation_for(client, ada, sender)
    mail = customer_mail(ada, sender, "x" * (MAX_MESSAGE_BYTES + 1000), "Too big")
    with pytest.raises(smtplib.SMTPSenderRefused) as announced:
        write(smtp_port, mail, sender)
    assert announced.value.smtp_code == 552
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
        smtp.ehlo()
        # Without SIZE on MAIL FROM, the limit is found while the data comes in.
        assert smtp.mail(ada)[0] == 250
        assert smtp.rcpt(sender)[0] == 250
        code, text = smtp.data(mail.as_bytes())
        assert code == 552, text
    time.sleep(0.5)
    assert conversation.messages.list() == []


def test_malformed_mime_gets_a_5xx_and_nothing_is_stored(client, api, relay, certificate, smtp_port):
    sender, ada = make_sender(api, relay, certificate), customer()
    conversation = conversation_for(client, ada, sender)
    broken = (f"From: {ada}\r\nTo: {sender}\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
              "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
              "never closed\r\n").encode()
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.sendmail(ada, [sender], broken)
    assert refused.value.smtp_code == 554
    assert b"Malformed MIME" in refused.value.smtp_error and b"not closed" in refused.value.smtp_error
    time.sleep(0.5)
    assert conversation.messages.list() == []
    assert client.messages.list(from_=ada) == []


def test_a_reply_naming_the_agents_mail_threads_into_that_conversation(client, api, relay, certificate, smtp_port):
    ada = customer()
    first, second = make_sender(api, relay, certificate), make_sender(api, relay, certificate)
    billing, shipping = conversation_for(client, ada, first), conversation_for(client, ada, second)
    billing.messages.create(author="agent.ann", body="Your invoice is attached.", subject="Invoice")
    shipping.messages.create(author="agent.bob", body="Your parcel left.", subject="Shipping")
    invoice_id = next(m for m in mails_to(relay, ada, 2) if str(m.message["Subject"]) == "Invoice").message["Message-ID"]

    reply = customer_mail(ada, first, "Thanks for the invoice", "Re: Invoice", In_Reply_To=invoice_id, References=invoice_id)
    assert write(smtp_port, reply, first) == {}
    replies = eventually(lambda: [m for m in billing.messages.list() if m.author == ada] or None)
    assert [m.body for m in replies] == ["Thanks for the invoice"]
    assert [m.author for m in shipping.messages.list()] == ["agent.bob"]


def test_a_reply_from_another_mailbox_threads_by_in_reply_to_into_the_answered_mails_conversation(
        client, api, relay, certificate, smtp_port):
    ada, ada_at_work = customer(), customer()
    sender = make_sender(api, relay, certificate)
    conversation = conversation_for(client, ada, sender)
    conversation.messages.create(author="agent.ann", body="Your invoice is attached.", subject="Invoice")
    invoice_id = mails_to(relay, ada)[0].message["Message-ID"]

    reply = customer_mail(ada_at_work, sender, "Forwarding this to accounts", "Re: Invoice", In_Reply_To=invoice_id, References=invoice_id)
    assert write(smtp_port, reply, sender) == {}
    replies = eventually(lambda: [m for m in conversation.messages.list() if m.author != "agent.ann"] or None)
    assert [(m.author, m.body) for m in replies] == [(ada, "Forwarding this to accounts")]
    # The stored message keeps who really wrote it.
    assert [m.body for m in client.messages.list(from_=ada_at_work)] == ["Forwarding this to accounts"]


def test_the_password_is_in_no_senders_response_and_no_log_line(api, smtp_server):
    assert PASSWORDS, "earlier tests made senders with passwords"
    listed = api.get(SENDERS)
    assert listed.status_code == 200
    process = smtp_server.process
    log = process.stdout_path.read_text(errors="replace") + process.stderr_path.read_text(errors="replace")
    for password in PASSWORDS:
        for text in ANSWERS + [listed.text]:
            assert password not in text, "a Senders response holds the SMTP password"
        assert password not in log, "the server's log holds the SMTP password"
