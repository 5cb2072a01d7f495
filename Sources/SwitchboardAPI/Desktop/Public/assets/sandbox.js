"use strict";
// The customer simulator: the open handset's deliveries are pushed by GET /sandbox/v1/Messages/Events, and the
// customer answers through POST /sandbox/v1/Messages, which enters Switchboard's one inbound path. The handset's
// list is read only when its stream (re)connects, to catch up.

const { api, element, show, query, clock } = Switchboard;
const $ = (id) => document.getElementById(id);
const PREFIXED = new Set(["whatsapp", "messenger"]);
let current = null;

function failSignIn(message) {
  Switchboard.signOut();
  $("simulator").hidden = true;
  $("signed-in").hidden = true;
  $("sign-in").hidden = false;
  show($("sign-in-error"), message);
}

async function start() {
  $("sign-out").addEventListener("click", () => { Switchboard.signOut(); location.reload(); });
  if (!Switchboard.takeToken()) return;
  let recent;
  try {
    recent = (await api("GET", "/sandbox/v1/Messages" + query({ PageSize: 200 }))).messages;
  } catch (error) {
    failSignIn(Switchboard.signInProblem(error));
    return;
  }
  $("sign-in").hidden = true;
  $("simulator").hidden = false;
  $("signed-in").hidden = false;
  const addresses = [...new Set(recent.map((message) => message.to))];
  $("known-addresses").replaceChildren(...addresses.map((address) => { const option = element("option"); option.value = address; return option; }));
  $("pick").addEventListener("submit", (event) => { event.preventDefault(); openHandset($("address").value.trim()); });
  $("reply").addEventListener("submit", (event) => { event.preventDefault(); reply(); });
  const initial = new URLSearchParams(location.search).get("address");
  if (initial) { $("address").value = initial; openHandset(initial); }
}

/// The channel an address belongs to, as the sandbox spells it.
function channelOf(address) {
  const prefix = address.split(":")[0];
  if (PREFIXED.has(prefix)) return prefix;
  if (address.includes("@")) return "email";
  if (/^\+?[0-9 ()-]+$/.test(address)) return "sms";
  return "chat";
}

function openHandset(address) {
  if (!address) return;
  if (current) current.stream.stop();
  const handset = { address, seen: new Map() };
  current = handset;
  $("messages").replaceChildren();
  $("no-messages").hidden = false;
  $("current-address").textContent = "for " + address;
  $("reply-channel").value = channelOf(address);
  handset.stream = Switchboard.eventStream("/sandbox/v1/Messages/Events" + query({ Address: address }), {
    // Read once the stream is connected, so a delivery that lands in between is in the list, the stream or both.
    onOpen: () => catchUp(handset),
    onEvent: (type, message) => {
      if (type !== "message" || handset !== current) return;
      render(message);
      replyTo(message);
    },
    onState: (connection) => { if (handset === current) $("connection").textContent = connection === "live" ? "live" : "reconnecting…"; },
    onSignInFailure: (error) => failSignIn(Switchboard.signInProblem(error)),
  });
}

async function catchUp(handset) {
  try {
    const { messages } = await api("GET", "/sandbox/v1/Messages" + query({ Address: handset.address }));
    if (handset !== current) return;
    for (const message of messages) render(message);
    replyTo(messages[messages.length - 1]);
  } catch (error) {
    if (error.status === 401) failSignIn(Switchboard.signInProblem(error));
  }
}

function render(message) {
  let item = current.seen.get(message.sid);
  if (!item) {
    item = element("li", null, "message inbound");
    item.dataset.message = message.sid;
    item.append(element("span", null, "author"), element("span", null, "text"), element("span", null, "meta"));
    current.seen.set(message.sid, item);
    $("messages").append(item);
  }
  item.querySelector(".author").textContent = `${message.channel} from ${message.from}`;
  // Text only, whatever the contact center sent.
  item.querySelector(".text").textContent = [message.subject, message.body].filter(Boolean).join(" — ");
  item.querySelector(".meta").textContent = `${clock(message.date_created)} · ${message.status}${message.error_code ? ` (error ${message.error_code})` : ""}`;
  item.dataset.status = message.status;
  $("no-messages").hidden = true;
}

/// Answers go to whoever wrote last, unless the customer already chose.
function replyTo(latest) {
  if (latest && !$("reply-to").value) $("reply-to").value = latest.from;
}

async function reply() {
  if (!current) { show($("reply-error"), "Open a handset first."); return; }
  const channel = $("reply-channel").value;
  const body = $("reply-body").value;
  show($("reply-error"), "");
  try {
    const sent = await api("POST", "/sandbox/v1/Messages", { form: {
      Channel: channel, From: current.address, To: $("reply-to").value.trim(), Body: body } });
    $("reply-body").value = "";
    const item = element("li", null, "message outbound");
    item.dataset.message = sent.sid;
    item.append(element("span", `you (${sent.channel})`, "author"), element("span", sent.body, "text"),
      element("span", `${clock(sent.date_created)} · ${sent.status}`, "meta"));
    current.seen.set(sent.sid, item);
    $("messages").append(item);
    $("no-messages").hidden = true;
  } catch (error) {
    show($("reply-error"), "Not sent: " + error.message);
  }
}

document.addEventListener("DOMContentLoaded", start);
