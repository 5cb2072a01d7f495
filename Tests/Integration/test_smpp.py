"""The SMPP connector against real SMSCs from PyPI on loopback (see `smsc_peer.py`): smpp34's SMSC takes the
`submit_sm`s of an `smpp` sender's transceiver session and sends it delivery receipts and customers' messages;
smppy's SMSC checks a bind's credentials. Texts are encoded and split on the test's side with smpplib's GSM 7-bit
table and UDH framing, so what Switchboard writes and reads is checked against a third implementation.

What is covered: a refused bind (the message fails and the sender's health says why, without the password); an
unbind on graceful shutdown and a bind at start (on SQLite only: neither depends on the storage); GSM
7-bit and UCS-2 both ways; a long message both ways (one message with its segment count out, parts reassembled
in); receipts onto the message, for any part of a long one; a link dropped mid-send (every message sent again and
accepted once); throttling (retried until accepted); a refused destination (21211)."""

import json
import random
import time
import uuid

import pytest
from smpplib import gsm

from conftest import BACKENDS, public_server
from factories import unique_name
from polling import eventually
from raw_http import RawApi
from smsc_peer import SMSC, CheckingSMSC, wait_for

SENDERS = "/switchboard/v1/Senders"
ESME_RTHROTTLED = 0x58
ESME_RINVDSTADR = 0x0B


@pytest.fixture(scope="module", params=BACKENDS)
def smpp_server(request, switchboard_bin, tmp_path_factory):
    """A server of its own, which may reach loopback peers."""
    yield from public_server(switchboard_bin, tmp_path_factory, "smpp", request.param)


@pytest.fixture(scope="module")
def smsc():
    """smpp34's SMSC, shared by the tests that keep it running."""
    with SMSC() as peer:
        yield peer


# The senders a test made, deleted after it: on PostgreSQL the database outlives this module's server, and every
# server started later binds the smpp senders it finds, which would then knock at SMSC ports long closed.
CREATED = []


@pytest.fixture
def api(smpp_server) -> RawApi:
    raw = smpp_server.raw()
    yield raw
    while CREATED:
        api_of, sid = CREATED.pop()
        assert api_of.delete(f"{SENDERS}/{sid}").status_code == 204


@pytest.fixture
def client(smpp_server):
    return smpp_server.client(smpp_server.account_sid, smpp_server.auth_token)


def phone() -> str:
    return "+1555" + str(random.randrange(10 ** 6, 10 ** 7))


def make_sender(api, port: int, system_id: str = None, password: str = "pw123456", track: bool = True, **settings) -> dict:
    """An `smpp` sender on a fresh number, bound to the SMSC on `port`; deleted after the test when `track`."""
    address = phone()
    given = {"host": "127.0.0.1", "port": str(port), "system_id": system_id or "sb" + uuid.uuid4().hex[:13], "password": password,
             "system_type": "SB", **settings}
    resp = api.post(SENDERS, {"Connector": "smpp", "Channel": "sms", "Address": address, "FriendlyName": unique_name("smsc"),
                              "Settings": json.dumps(given)})
    assert resp.status_code == 201, resp.text
    sender = resp.json()
    if track:
        CREATED.append((api, sender["sid"]))
    assert "password" not in sender["settings"] and password not in resp.text
    return {"sid": sender["sid"], "address": address, "digits": address[1:], "password": password, "system_id": given["system_id"]}


def submits_to(smsc, customer: str, count: int = 1, answered: bool = True) -> list:
    """The submit_sms for `customer`, once there are `count` (answered with an id, when `answered`)."""
    def ready():
        found = [s for s in smsc.submits() if s["destination"] == customer[1:] and (not answered or "message_id" in s)]
        return found if len(found) >= count else None
    found = wait_for(ready)
    assert found, f"no submit_sm for {customer}: {smsc.submits()}"
    return found


def message_to(client, customer: str, status=None, timeout: float = 20):
    """The one message to `customer`, once it is in `status`."""
    def ready():
        found = client.messages.list(to=customer)
        return found[0] if len(found) == 1 and (status is None or found[0].status in (status if isinstance(status, tuple) else (status,))) else None
    found = eventually(ready, timeout=timeout)
    assert found, [(m.status, m.error_code, m.error_message) for m in client.messages.list(to=customer)]
    return found


def receipt(message_id: str, stat: str, err: str = "000") -> bytes:
    return (f"id:{message_id} sub:001 dlvrd:{'001' if stat == 'DELIVRD' else '000'} submit date:2612021305 "
            f"done date:2612021306 stat:{stat} err:{err} text:").encode("ascii")


def test_a_bind_with_wrong_credentials_fails_the_message_and_shows_on_the_sender(api, client):
    with CheckingSMSC("sb-right", "right-pw") as checking:
        sender = make_sender(api, checking.port, system_id="sb-right", password="wrong-pw")
        customer = phone()
        client.messages.create(from_=sender["address"], to=customer, body="Hello")
        failed = message_to(client, customer, status="failed")
        assert failed.error_code == 30008
        assert "refused the bind: ESME_RBINDFAIL" in failed.error_message, failed.error_message
        assert checking.binds() == [{"system_id": "sb-right", "taken": False}]
    health = api.get(f"{SENDERS}/{sender['sid']}").json()["health"]
    assert "ESME_RBINDFAIL" in health["last_error"] and "check the sender's system_id, password" in health["last_error"]
    assert health["failed_count"] == 1
    assert "wrong-pw" not in json.dumps(health) and "wrong-pw" not in failed.error_message


def test_a_graceful_shutdown_unbinds_and_a_start_binds_again_before_any_message(switchboard_bin, tmp_path_factory):
    with CheckingSMSC("sb-leaving", "right-pw") as checking:
        servers = public_server(switchboard_bin, tmp_path_factory, "smpp-shutdown", "sqlite")
        server = next(servers)
        sender = make_sender(server.raw(), checking.port, system_id="sb-leaving", password="right-pw", track=False)
        client = server.client(server.account_sid, server.auth_token)
        customer = phone()
        client.messages.create(from_=sender["address"], to=customer, body="Goodbye")
        assert message_to(client, customer, status="sent")
        assert checking.binds() == [{"system_id": "sb-leaving", "taken": True}] and checking.unbinds() == []
        assert server.process.stop() == 0
        assert wait_for(checking.unbinds, timeout=5) == ["sb-leaving"]
        # Started again, the server binds its smpp senders at once, so receipts and customers' messages come in
        # before it sends anything.
        server.process.start()
        assert wait_for(lambda: len(checking.binds()) == 2, timeout=10)
        assert checking.binds()[1] == {"system_id": "sb-leaving", "taken": True}
        next(servers, None)  # SIGTERM, which must exit 0
        assert wait_for(lambda: len(checking.unbinds()) == 2, timeout=5)


def test_gsm_and_ucs2_texts_go_out_in_their_coding(api, client, smsc):
    sender = make_sender(api, smsc.port)
    gsm_customer, ucs2_customer = phone(), phone()
    client.messages.create(from_=sender["address"], to=gsm_customer, body="Your order #42 ships today {5€} @ Åre")
    client.messages.create(from_=sender["address"], to=ucs2_customer, body="Ваш заказ отправлен 👍")
    [plain] = submits_to(smsc, gsm_customer)
    assert (plain["data_coding"], plain["esm_class"], plain["registered_delivery"]) == (0, 0, 1)
    assert (plain["source"], plain["source_ton"], plain["source_npi"]) == (sender["digits"], 1, 1)
    assert bytes.fromhex(plain["short_message"]) == gsm.gsm_encode("Your order #42 ships today {5€} @ Åre")
    [unicode] = submits_to(smsc, ucs2_customer)
    assert unicode["data_coding"] == 8
    assert bytes.fromhex(unicode["short_message"]).decode("utf-16-be") == "Ваш заказ отправлен 👍"
    for customer in (gsm_customer, ucs2_customer):
        assert message_to(client, customer, status="sent").num_segments == "1"


def test_customers_messages_in_both_codings_arrive(api, client, smsc):
    sender = make_sender(api, smsc.port)
    customer = phone()
    client.messages.create(from_=sender["address"], to=customer, body="Hi")  # binds the session
    submits_to(smsc, customer)
    assert smsc.deliver(sender["system_id"], customer[1:], sender["digits"], gsm.gsm_encode("Where is my order? [#42] €"), data_coding=0) == 0
    assert smsc.deliver(sender["system_id"], customer[1:], sender["digits"], "Спасибо 🙏".encode("utf-16-be"), data_coding=8) == 0
    received = eventually(lambda: (lambda found: found if len(found) == 2 else None)(client.messages.list(from_=customer)))
    assert received, client.messages.list(from_=customer)
    assert sorted((m.body, m.to, m.direction) for m in received) == sorted([
        ("Where is my order? [#42] €", sender["address"], "inbound"), ("Спасибо 🙏", sender["address"], "inbound")])


def test_a_long_message_goes_out_in_parts_and_comes_back_whole(api, client, smsc):
    sender = make_sender(api, smsc.port)
    customer = phone()
    body = "Your parcel is on its way. " * 15  # 405 GSM characters: three parts of at most 153
    client.messages.create(from_=sender["address"], to=customer, body=body)
    parts = submits_to(smsc, customer, 3)
    assert len(parts) == 3 and all(p["esm_class"] == 0x40 and p["data_coding"] == 0 for p in parts)
    octets = [bytes.fromhex(p["short_message"]) for p in parts]
    assert {o[:4] for o in octets} == {b"\x05\x00\x03" + octets[0][3:4]} and [o[4] for o in octets] == [3, 3, 3]
    assert [o[5] for o in octets] == [1, 2, 3] and all(len(o) - 6 <= 153 for o in octets)
    assert b"".join(o[6:] for o in octets) == gsm.gsm_encode(body)
    sent = message_to(client, customer, status="sent")
    assert sent.num_segments == "3" and sent.body == body

    # The customer's long answer, in UCS-2, its parts framed by smpplib and delivered out of order.
    answer = "Спасибо! " * 20
    framed, encoding, esm_class = gsm.make_parts(answer)
    assert len(framed) == 3 and esm_class == 0x40
    for part in (framed[2], framed[0], framed[1]):
        assert smsc.deliver(sender["system_id"], customer[1:], sender["digits"], part, esm_class=0x40, data_coding=8) == 0
    received = eventually(lambda: client.messages.list(from_=customer) or None)
    assert [m.body for m in received] == [answer]


def test_receipts_settle_messages_for_any_part(api, client, smsc):
    sender = make_sender(api, smsc.port)
    delivered_to, undelivered_to, long_to = phone(), phone(), phone()
    client.messages.create(from_=sender["address"], to=delivered_to, body="One")
    client.messages.create(from_=sender["address"], to=undelivered_to, body="Two")
    client.messages.create(from_=sender["address"], to=long_to, body="x" * 200)
    [one], [two] = submits_to(smsc, delivered_to), submits_to(smsc, undelivered_to)
    long_parts = submits_to(smsc, long_to, 2)
    for customer in (delivered_to, undelivered_to, long_to):
        message_to(client, customer, status="sent")
    assert smsc.deliver(sender["system_id"], delivered_to[1:], sender["digits"], receipt(one["message_id"], "DELIVRD"), esm_class=0x04) == 0
    assert smsc.deliver(sender["system_id"], undelivered_to[1:], sender["digits"], receipt(two["message_id"], "UNDELIV", "034"), esm_class=0x04) == 0
    # A receipt for the second part finds the message whose provider id is the first part's.
    assert smsc.deliver(sender["system_id"], long_to[1:], sender["digits"], receipt(long_parts[1]["message_id"], "DELIVRD"), esm_class=0x04) == 0
    assert message_to(client, delivered_to, status="delivered")
    undelivered = message_to(client, undelivered_to, status="undelivered")
    assert undelivered.error_code == 30003 and "stat:UNDELIV err:034" in undelivered.error_message
    assert message_to(client, long_to, status="delivered")
    # A late receipt never moves a message back.
    assert smsc.deliver(sender["system_id"], delivered_to[1:], sender["digits"], receipt(one["message_id"], "ENROUTE"), esm_class=0x04) == 0
    time.sleep(0.3)
    assert message_to(client, delivered_to).status == "delivered"


def test_a_link_dropped_mid_send_loses_and_duplicates_nothing(api, client):
    first = SMSC().start()
    try:
        sender = make_sender(api, first.port)
        customers = [phone() for _ in range(3)]
        first.hold_next(3)
        for index, customer in enumerate(customers):
            client.messages.create(from_=sender["address"], to=customer, body=f"Message {index}")
        held = wait_for(lambda: (lambda got: got if len(got) == 3 else None)([s for s in first.submits() if s.get("held")]))
        assert held, first.submits()
    finally:
        first.kill()
    with SMSC(port=first.port) as second:
        for customer in customers:
            assert message_to(client, customer, status="sent", timeout=45)
        accepted = [s for s in second.submits() if "message_id" in s]
        assert sorted(s["destination"] for s in accepted) == sorted(c[1:] for c in customers)
        # The session came back by itself, and receipts still settle the messages sent again.
        for submit in accepted:
            assert second.deliver(sender["system_id"], submit["destination"], sender["digits"], receipt(submit["message_id"], "DELIVRD"), esm_class=0x04) == 0
        for customer in customers:
            assert message_to(client, customer, status="delivered")


def test_throttling_is_retried_until_the_smsc_takes_the_message(api, client, smsc):
    sender = make_sender(api, smsc.port)
    customer = phone()
    smsc.answer_next(ESME_RTHROTTLED, ESME_RTHROTTLED)
    client.messages.create(from_=sender["address"], to=customer, body="Patience")
    assert message_to(client, customer, status="sent", timeout=30)
    tries = [s for s in smsc.submits() if s["destination"] == customer[1:]]
    assert [s.get("status", "accepted") for s in tries] == [ESME_RTHROTTLED, ESME_RTHROTTLED, "accepted"]
    health = api.get(f"{SENDERS}/{sender['sid']}").json()["health"]
    assert "ESME_RTHROTTLED" in health["last_error"]


def test_a_refused_destination_fails_with_21211(api, client, smsc):
    sender = make_sender(api, smsc.port)
    customer = phone()
    smsc.answer_next(ESME_RINVDSTADR)
    client.messages.create(from_=sender["address"], to=customer, body="Nobody home")
    failed = message_to(client, customer, status="failed")
    assert failed.error_code == 21211 and "ESME_RINVDSTADR" in failed.error_message
