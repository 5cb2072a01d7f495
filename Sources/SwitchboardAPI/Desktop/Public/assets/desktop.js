"use strict";
// The agent desktop. Everything the agent sees arrives from the pushed event stream
// (GET /switchboard/v1/Agent/Events, read with fetch because EventSource cannot send the Authorization header);
// the page fetches only to start, to act, and to catch up after the stream drops.

const { api, element, show, query, clock } = Switchboard;
const $ = (id) => document.getElementById(id);
const WINDOW_CHANNELS = new Set(["whatsapp", "messenger"]);
const CLOSED_RESERVATION = new Set(["reservation.rejected", "reservation.timeout", "reservation.rescinded", "reservation.canceled"]);
const FINISHED_TASK = new Set(["reservation.completed", "task.completed", "task.canceled"]);

const state = {
  agent: null,
  reservations: new Map(), // WR… → { reservation, task, node, deadline }
  views: new Map(), // WT… (or CH… for a conversation opened without a task) → task view
  workflows: new Map(),
  outboundTasks: new Set(), // tasks this agent created: their offers are accepted at once, as Flex does
};

function workspacePath(rest = "") {
  return `/taskrouter/v1/Workspaces/${state.agent.workspace_sid}${rest}`;
}

function attributesOf(task) {
  if (!task) return {};
  if (typeof task.attributes === "object" && task.attributes) return task.attributes;
  try { return JSON.parse(task.attributes || "{}"); } catch (_) { return {}; }
}

function failSignIn(message) {
  Switchboard.signOut();
  $("workspace").hidden = true;
  $("agent").hidden = true;
  $("sign-in").hidden = false;
  show($("sign-in-error"), message);
}

// --- Sign-in and start ------------------------------------------------------------------------------------------

async function start() {
  $("sign-out").addEventListener("click", () => { Switchboard.signOut(); location.reload(); });
  if (!Switchboard.takeToken()) return;
  try {
    state.agent = await api("GET", "/switchboard/v1/Agent");
  } catch (error) {
    failSignIn(Switchboard.signInProblem(error));
    return;
  }
  $("sign-in").hidden = true;
  $("workspace").hidden = false;
  $("agent").hidden = false;
  $("agent-identity").textContent = state.agent.identity;
  document.title = `${state.agent.identity} · Switchboard`;
  wireOutbound();
  await Promise.all([loadActivities(), loadWorkflows(), loadTransferTargets(), refreshQueues()]);
  setInterval(tick, 1000);
  streamEvents();
}

async function loadActivities() {
  const select = $("activity");
  const { activities } = await api("GET", workspacePath("/Activities") + query({ PageSize: 100 }));
  select.replaceChildren(...activities.map((activity) => {
    const option = element("option", activity.friendly_name);
    option.value = activity.sid;
    return option;
  }));
  select.value = state.agent.worker.activity_sid;
  select.addEventListener("change", async () => {
    try {
      const worker = await api("POST", workspacePath(`/Workers/${state.agent.worker_sid}`), { form: { ActivitySid: select.value } });
      state.agent.worker = worker;
    } catch (error) {
      select.value = state.agent.worker.activity_sid;
      setConnection("Activity not changed: " + error.message);
    }
  });
}

async function loadWorkflows() {
  const { workflows } = await api("GET", workspacePath("/Workflows") + query({ PageSize: 100 }));
  const select = $("outbound-workflow");
  select.replaceChildren(...workflows.map((workflow) => {
    state.workflows.set(workflow.sid, workflow);
    const option = element("option", workflow.friendly_name);
    option.value = workflow.sid;
    return option;
  }));
}

let transferTargets = [];
async function loadTransferTargets() {
  const [{ task_queues: queues }, { workers }] = await Promise.all([
    api("GET", workspacePath("/TaskQueues") + query({ PageSize: 100 })),
    api("GET", workspacePath("/Workers") + query({ PageSize: 100 })),
  ]);
  transferTargets = [
    ...queues.map((queue) => ({ sid: queue.sid, label: "Queue " + queue.friendly_name })),
    ...workers.filter((worker) => worker.sid !== state.agent.worker_sid).map((worker) => ({ sid: worker.sid, label: "Agent " + worker.friendly_name })),
  ];
}

/// Offers still waiting and tasks already accepted, for a page opened (or reopened) in the middle of a shift.
async function loadOpenWork() {
  const reservations = async (status) => (await api("GET", workspacePath(`/Workers/${state.agent.worker_sid}/Reservations`)
    + query({ ReservationStatus: status, PageSize: 100 }))).reservations;
  const [pending, accepted, wrapping] = await Promise.all([reservations("pending"), reservations("accepted"), reservations("wrapping")]);
  const tasks = new Map();
  const taskOf = async (sid) => {
    if (!tasks.has(sid)) tasks.set(sid, await api("GET", workspacePath(`/Tasks/${sid}`)));
    return tasks.get(sid);
  };
  for (const reservation of pending) addReservation(reservation, await taskOf(reservation.task_sid));
  for (const reservation of [...accepted, ...wrapping]) openTask(await taskOf(reservation.task_sid));
  for (const sid of [...state.reservations.keys()]) {
    if (!pending.some((reservation) => reservation.sid === sid)) removeReservation(sid);
  }
}

// --- The event stream -------------------------------------------------------------------------------------------

function setConnection(text) {
  $("connection").textContent = text;
}

function streamEvents() {
  Switchboard.eventStream("/switchboard/v1/Agent/Events", {
    // Open work is read once the stream is connected, so nothing created in between is missed. After a drop the
    // stream replays what it recorded after Last-Event-ID, and the conversations are read again as well, so a
    // message sent while the page was away shows even if it was never an event of this worker.
    onOpen: catchUp,
    onEvent: handleEvent,
    onState: (connection) => setConnection(connection === "live" ? "live" : "reconnecting…"),
    onSignInFailure: (error) => failSignIn(Switchboard.signInProblem(error)),
  });
}

function handleEvent(type, data) {
  if (type === "conversation.message") {
    for (const view of state.views.values()) {
      if (view.conversationSid === data.conversation_sid) view.upsertMessage(data);
    }
    return;
  }
  if (data.worker && data.worker.sid === state.agent.worker_sid) {
    state.agent.worker = data.worker;
    $("activity").value = data.worker.activity_sid;
  }
  const reservation = data.reservation;
  const task = data.task;
  if (type === "reservation.created" && reservation && reservation.reservation_status === "pending") {
    addReservation(reservation, task);
  } else if (type === "reservation.accepted" && reservation) {
    removeReservation(reservation.sid);
    if (task) openTask(task);
  } else if (CLOSED_RESERVATION.has(type) && reservation) {
    removeReservation(reservation.sid);
  } else if (FINISHED_TASK.has(type) && task) {
    if (reservation) removeReservation(reservation.sid);
    closeView(task.sid);
  } else if ((type === "reservation.wrapup" || type === "task.wrapup" || type === "task.updated") && task) {
    const view = state.views.get(task.sid);
    if (view) view.setTask(task);
  }
  if (type.startsWith("reservation.") || type.startsWith("task.")) refreshQueuesSoon();
}

async function catchUp() {
  await loadOpenWork().catch(() => {});
  await Promise.all([...state.views.values()].map((view) => view.reload().catch(() => {})));
  refreshQueuesSoon();
}

// --- Offers -----------------------------------------------------------------------------------------------------

function reservationTimeout(task) {
  const attributes = attributesOf(task);
  const workflow = task && state.workflows.get(task.workflow_sid);
  const seconds = Number(attributes.reservation_timeout || attributes.reservationTimeout || (workflow && workflow.task_reservation_timeout) || 120);
  return seconds * 1000;
}

function addReservation(reservation, task) {
  if (state.reservations.has(reservation.sid)) return;
  if (task && state.outboundTasks.has(task.sid)) {
    answer(reservation, "accepted").catch(() => {});
  }
  const attributes = attributesOf(task);
  const node = $("reservation-card").content.firstElementChild.cloneNode(true);
  node.dataset.reservation = reservation.sid;
  node.querySelector(".channel").textContent = attributes.channelType || (task && task.task_channel_unique_name) || "task";
  node.querySelector(".customer").textContent = attributes.customerName || attributes.customerAddress || attributes.from || "a customer";
  const entry = { reservation, task, node, deadline: Date.parse(reservation.date_created) + reservationTimeout(task) };
  node.querySelector(".accept").addEventListener("click", () => answerFromCard(entry, "accepted"));
  node.querySelector(".reject").addEventListener("click", () => answerFromCard(entry, "rejected"));
  state.reservations.set(reservation.sid, entry);
  $("reservations").append(node);
  $("no-reservations").hidden = true;
  tick();
}

function answer(reservation, status) {
  return api("POST", workspacePath(`/Tasks/${reservation.task_sid}/Reservations/${reservation.sid}`), { form: { ReservationStatus: status } });
}

async function answerFromCard(entry, status) {
  const error = entry.node.querySelector(".error");
  for (const button of entry.node.querySelectorAll("button")) button.disabled = true;
  try {
    await answer(entry.reservation, status);
    removeReservation(entry.reservation.sid);
    if (status === "accepted" && entry.task) openTask(Object.assign({}, entry.task, { assignment_status: "assigned" }));
  } catch (failure) {
    show(error, `Could not ${status === "accepted" ? "accept" : "reject"}: ${failure.message}`);
    for (const button of entry.node.querySelectorAll("button")) button.disabled = false;
  }
}

function removeReservation(sid) {
  const entry = state.reservations.get(sid);
  if (!entry) return;
  const hadFocus = entry.node.contains(document.activeElement);
  entry.node.remove();
  state.reservations.delete(sid);
  $("no-reservations").hidden = state.reservations.size > 0;
  if (hadFocus) $("reservations-title").focus();
}

function tick() {
  const now = Date.now();
  for (const entry of state.reservations.values()) {
    const left = Math.max(0, Math.round((entry.deadline - now) / 1000));
    entry.node.querySelector(".countdown").textContent = `${left} s left to answer`;
  }
  for (const view of state.views.values()) view.showWindow();
}

// --- Queues -----------------------------------------------------------------------------------------------------

let queuesTimer = null;
function refreshQueuesSoon() {
  clearTimeout(queuesTimer);
  queuesTimer = setTimeout(() => refreshQueues().catch(() => {}), 300);
}

async function refreshQueues() {
  const { task_queues: queues } = await api("GET", workspacePath("/TaskQueues") + query({ PageSize: 100 }));
  const items = await Promise.all(queues.map(async (queue) => {
    const statistics = await api("GET", workspacePath(`/TaskQueues/${queue.sid}/RealTimeStatistics`));
    const byStatus = statistics.tasks_by_status || {};
    const waiting = (byStatus.pending || 0) + (byStatus.reserved || 0);
    const item = element("li", null, "queue");
    item.append(element("strong", queue.friendly_name), element("span", ` ${waiting} waiting`),
      element("span", waiting ? `, longest ${statistics.longest_task_waiting_age} s` : ""));
    return item;
  }));
  $("queues").replaceChildren(...items);
}

// --- Conversations ----------------------------------------------------------------------------------------------

function openTask(task) {
  const existing = state.views.get(task.sid);
  if (existing) { existing.setTask(task); return existing; }
  const attributes = attributesOf(task);
  if (!attributes.conversationSid) return null;
  const view = new ConversationView(task.sid, attributes.conversationSid, task);
  state.views.set(task.sid, view);
  $("no-tasks").hidden = true;
  view.reload().catch((error) => view.fail(error.message));
  return view;
}

function openConversation(conversationSid, label) {
  for (const view of state.views.values()) {
    if (view.conversationSid === conversationSid) { view.node.querySelector(".body").focus(); return view; }
  }
  const view = new ConversationView(conversationSid, conversationSid, null, label);
  state.views.set(conversationSid, view);
  $("no-tasks").hidden = true;
  view.reload().catch((error) => view.fail(error.message));
  return view;
}

function closeView(key) {
  const view = state.views.get(key);
  if (!view) return;
  view.node.remove();
  state.views.delete(key);
  $("no-tasks").hidden = state.views.size > 0;
}

class ConversationView {
  constructor(key, conversationSid, task, label) {
    this.key = key;
    this.conversationSid = conversationSid;
    this.messages = new Map();
    this.customer = null;
    this.templates = null;
    this.node = $("task-view").content.firstElementChild.cloneNode(true);
    this.node.dataset.conversation = conversationSid;
    if (task) this.node.dataset.task = task.sid;
    this.label = label;
    this.setTask(task);
    this.node.querySelector(".compose").addEventListener("submit", (event) => { event.preventDefault(); this.sendText(); });
    this.node.querySelector(".body").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); this.sendText(); }
    });
    this.node.querySelector(".templates").addEventListener("submit", (event) => { event.preventDefault(); this.sendTemplate(); });
    this.node.querySelector(".template").addEventListener("change", () => this.showTemplate());
    this.node.querySelector(".wrapup").addEventListener("click", () => this.finish("wrapup"));
    this.node.querySelector(".complete").addEventListener("click", () => this.finish("closed"));
    this.node.querySelector(".transfer").addEventListener("click", () => this.transfer());
    const targets = this.node.querySelector(".transfer-target");
    targets.replaceChildren(...transferTargets.map((target) => {
      const option = element("option", target.label);
      option.value = target.sid;
      return option;
    }));
    $("tasks").append(this.node);
  }

  setTask(task) {
    this.task = task;
    const attributes = attributesOf(task);
    this.channel = attributes.channelType || (this.customer && this.customer.messaging_binding && this.customer.messaging_binding.type) || "";
    const who = attributes.customerName || attributes.customerAddress || this.label || this.conversationSid;
    this.node.querySelector(".title").textContent = `${this.channel || "conversation"} · ${who}`;
    this.node.querySelector(".task-status").textContent = task ? task.assignment_status : "no task";
    this.node.querySelector(".task-actions").hidden = !task || !attributes.flexInteractionSid;
  }

  fail(message) {
    show(this.node.querySelector(".error"), message);
  }

  async reload() {
    const base = `/conversations/v1/Conversations/${this.conversationSid}`;
    const [{ participants }, { messages }] = await Promise.all([
      api("GET", base + "/Participants" + query({ PageSize: 100 })),
      api("GET", base + "/Messages" + query({ PageSize: 100 })),
    ]);
    this.customer = participants.find((participant) => participant.messaging_binding) || participants.find((participant) => !participant.identity || participant.identity !== state.agent.identity) || null;
    if (!this.channel && this.customer && this.customer.messaging_binding) this.setTask(this.task);
    for (const message of messages) this.upsertMessage(message);
    this.showWindow();
  }

  isFromCustomer(message) {
    if (!this.customer) return false;
    const binding = this.customer.messaging_binding;
    return message.participant_sid === this.customer.sid || (binding && message.author === binding.address) || message.author === this.customer.identity;
  }

  upsertMessage(message) {
    let item = this.messages.get(message.sid);
    if (!item) {
      item = element("li", null, "message");
      item.dataset.message = message.sid;
      item.dataset.index = message.index;
      item.append(element("span", null, "author"), element("span", null, "text"), element("span", null, "meta"));
      this.messages.set(message.sid, item);
      const list = this.node.querySelector(".messages");
      const later = [...list.children].find((other) => Number(other.dataset.index) > message.index);
      list.insertBefore(item, later || null);
    }
    const fromCustomer = this.isFromCustomer(message);
    item.classList.toggle("inbound", fromCustomer);
    item.classList.toggle("outbound", !fromCustomer);
    item.querySelector(".author").textContent = message.author || "";
    // Text only: a customer's `<script>` stays a customer's text.
    item.querySelector(".text").textContent = message.body || (message.content_sid ? `template ${message.content_sid}` : "");
    const status = fromCustomer ? "" : deliveryStatus(message.delivery);
    item.querySelector(".meta").textContent = [clock(message.date_created), status].filter(Boolean).join(" · ");
    item.dataset.status = status;
    if (status === "failed") this.explainFailure(message, item);
  }

  async explainFailure(message, item) {
    try {
      const { delivery_receipts: receipts } = await api("GET", `/conversations/v1/Conversations/${this.conversationSid}/Messages/${message.sid}/Receipts`);
      const failed = receipts.find((receipt) => receipt.error_code);
      if (failed) item.querySelector(".meta").textContent = `${clock(message.date_created)} · failed (error ${failed.error_code})`;
    } catch (_) { /* the status alone still shows */ }
  }

  windowClosesAt() {
    const binding = this.customer && this.customer.messaging_binding;
    if (!binding || !WINDOW_CHANNELS.has(binding.type)) return undefined;
    return binding.window_closes_at ? Date.parse(binding.window_closes_at) : null;
  }

  showWindow() {
    const closes = this.windowClosesAt();
    const label = this.node.querySelector(".window");
    if (closes === undefined) { label.textContent = ""; this.useTemplates(false); return; }
    const left = closes === null ? 0 : closes - Date.now();
    if (left > 0) {
      const minutes = Math.floor(left / 60000);
      label.textContent = `window: ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
    } else {
      label.textContent = "window closed";
    }
    this.useTemplates(left <= 0);
  }

  useTemplates(closed) {
    const compose = this.node.querySelector(".compose");
    const templates = this.node.querySelector(".templates");
    if (compose.hidden === closed && templates.hidden === !closed) return;
    compose.hidden = closed;
    templates.hidden = !closed;
    if (closed) this.loadTemplates().catch((error) => this.fail("Templates could not be read: " + error.message));
  }

  async loadTemplates() {
    if (this.templates) return;
    const { contents } = await api("GET", "/content/v1/Content" + query({ PageSize: 100 }));
    const approvals = await Promise.all(contents.map((content) =>
      api("GET", `/content/v1/Content/${content.sid}/ApprovalRequests`).catch(() => null)));
    this.templates = contents.filter((content, index) => approvals[index] && approvals[index].whatsapp && approvals[index].whatsapp.status === "approved");
    const select = this.node.querySelector(".template");
    select.replaceChildren(...this.templates.map((content) => {
      const option = element("option", content.friendly_name);
      option.value = content.sid;
      return option;
    }));
    if (!this.templates.length) this.fail("No approved template: one must be approved before the customer can be written to.");
    this.showTemplate();
  }

  selectedTemplate() {
    const sid = this.node.querySelector(".template").value;
    return (this.templates || []).find((content) => content.sid === sid);
  }

  showTemplate() {
    const content = this.selectedTemplate();
    const variables = this.node.querySelector(".variables");
    variables.replaceChildren();
    if (!content) { this.node.querySelector(".preview").textContent = ""; return; }
    for (const [name, example] of Object.entries(content.variables || {})) {
      const label = element("label", `{{${name}}} `);
      const input = element("input");
      input.dataset.variable = name;
      input.value = example;
      input.addEventListener("input", () => this.showPreview());
      label.append(input);
      variables.append(label);
    }
    this.showPreview();
  }

  templateVariables() {
    const values = {};
    for (const input of this.node.querySelectorAll(".variables input")) values[input.dataset.variable] = input.value;
    return values;
  }

  showPreview() {
    const content = this.selectedTemplate();
    this.node.querySelector(".preview").textContent = content ? renderTemplate(content, this.templateVariables()) : "";
  }

  author() {
    return state.agent.identity;
  }

  async post(form) {
    show(this.node.querySelector(".error"), "");
    const closes = this.windowClosesAt();
    if (form.Body && closes !== undefined && (closes === null || closes <= Date.now())) {
      // WhatsApp and Messenger would refuse it (63016): say so before the customer's channel does.
      this.fail("Free text was refused: the customer's 24-hour window is closed. Pick an approved template.");
      this.useTemplates(true);
      return false;
    }
    try {
      const message = await api("POST", `/conversations/v1/Conversations/${this.conversationSid}/Messages`, { form: { Author: this.author(), ...form } });
      this.upsertMessage(message);
      return true;
    } catch (error) {
      if (error.code === 63016) {
        this.fail("Free text was refused: the customer's 24-hour window is closed. Pick an approved template.");
        if (this.customer && this.customer.messaging_binding) this.customer.messaging_binding.window_closes_at = null;
        this.useTemplates(true);
      } else {
        this.fail("Not sent: " + error.message);
      }
      return false;
    }
  }

  async sendText() {
    const body = this.node.querySelector(".body");
    const text = body.value.trim();
    if (!text) return;
    if (await this.post({ Body: text })) body.value = "";
  }

  async sendTemplate() {
    const content = this.selectedTemplate();
    if (!content) return;
    await this.post({ ContentSid: content.sid, ContentVariables: JSON.stringify(this.templateVariables()) });
  }

  /// The interaction channel's participant that holds this task: the customer's for the interaction's own task, an
  /// agent's for an invited or transferred one.
  async participant() {
    const attributes = attributesOf(this.task);
    const { participants } = await api("GET", `/flex-api/v1/Interactions/${attributes.flexInteractionSid}/Channels/${attributes.flexInteractionChannelSid}/Participants`);
    return participants.find((participant) => participant.routing_properties && participant.routing_properties.task_sid === this.task.sid)
      || participants.find((participant) => participant.type === "agent") || participants[0];
  }

  async finish(status) {
    const attributes = attributesOf(this.task);
    try {
      const participant = await this.participant();
      await api("POST", `/flex-api/v1/Interactions/${attributes.flexInteractionSid}/Channels/${attributes.flexInteractionChannelSid}/Participants/${participant.sid}`, { form: { Status: status } });
      if (status === "wrapup") this.node.querySelector(".task-status").textContent = "wrapping";
      else closeView(this.key);
    } catch (error) {
      this.fail(`Could not ${status === "wrapup" ? "wrap up" : "complete"}: ${error.message}`);
    }
  }

  async transfer() {
    const attributes = attributesOf(this.task);
    const to = this.node.querySelector(".transfer-target").value;
    if (!to) return;
    try {
      const participant = await this.participant();
      await api("POST", `/flex-api/v1/Interactions/${attributes.flexInteractionSid}/Channels/${attributes.flexInteractionChannelSid}/Transfers`,
        { json: { type: "cold", from: participant.sid, to } });
      this.node.querySelector(".task-status").textContent = "transferred";
    } catch (error) {
      this.fail("Transfer failed: " + error.message);
    }
  }
}

function deliveryStatus(delivery) {
  if (!delivery) return "queued";
  const some = (word) => word === "all" || word === "some";
  if (some(delivery.failed) || some(delivery.undelivered)) return "failed";
  if (some(delivery.read)) return "read";
  if (some(delivery.delivered)) return "delivered";
  if (some(delivery.sent)) return "sent";
  return "queued";
}

/// A template's text with its variables filled in, as the customer will read it.
function renderTemplate(content, variables) {
  const types = content.types || {};
  const body = (types["twilio/text"] && types["twilio/text"].body)
    || Object.values(types).map((type) => type && type.body).find(Boolean) || "";
  return body.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (whole, name) => (name in variables ? variables[name] : whole));
}

// --- Starting a conversation ------------------------------------------------------------------------------------

/// The address as the channel's bindings spell it: WhatsApp and Messenger addresses carry their prefix.
function channelAddress(channel, address) {
  const trimmed = address.trim();
  if (WINDOW_CHANNELS.has(channel) && trimmed && !trimmed.startsWith(channel + ":")) return `${channel}:${trimmed}`;
  return trimmed;
}

function wireOutbound() {
  const form = $("outbound");
  let confirmed = null;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const channel = $("outbound-channel").value;
    const address = channelAddress(channel, $("outbound-address").value);
    const sender = channelAddress(channel, $("outbound-sender").value);
    const body = $("outbound-body").value.trim();
    show($("outbound-error"), "");
    if (!address) return;
    const button = $("outbound-start");
    button.disabled = true;
    try {
      if (confirmed !== address && await offerOpenConversation(address)) { confirmed = address; return; }
      $("outbound-existing").hidden = true;
      const participant = { address, type: channel };
      if (sender) participant.proxy_address = sender;
      const interaction = await api("POST", "/flex-api/v1/Interactions", { form: {
        Channel: JSON.stringify({ type: channel, initiated_by: "agent", properties: { type: channel }, participants: [participant] }),
        Routing: JSON.stringify({ properties: {
          workspace_sid: state.agent.workspace_sid, workflow_sid: $("outbound-workflow").value, worker_sid: state.agent.worker_sid,
          attributes: { customerName: address, customerAddress: address, from: state.agent.identity } } }),
      } });
      const task = interaction.routing.properties;
      state.outboundTasks.add(task.sid);
      for (const entry of state.reservations.values()) {
        if (entry.task && entry.task.sid === task.sid) answerFromCard(entry, "accepted");
      }
      const view = openTask(Object.assign({}, task, { assignment_status: task.assignment_status }));
      form.reset();
      confirmed = null;
      if (view && body) {
        await view.reload().catch(() => {});
        await view.post({ Body: body });
      }
      if (view) view.node.querySelector(view.node.querySelector(".compose").hidden ? ".template" : ".body").focus();
    } catch (error) {
      show($("outbound-error"), "Could not start the conversation: " + error.message);
    } finally {
      button.disabled = false;
    }
  });
}

/// Tells the agent when the customer already has an open conversation and offers it; true when one was offered.
async function offerOpenConversation(address) {
  const { conversations } = await api("GET", "/conversations/v1/ParticipantConversations" + query({ Address: address }));
  const open = conversations.filter((conversation) => conversation.conversation_state === "active");
  const notice = $("outbound-existing");
  if (!open.length) { notice.hidden = true; return false; }
  const conversation = open[0];
  const text = element("p", `${address} already has an open conversation (${conversation.conversation_friendly_name || conversation.conversation_sid}). `
    + "Open it, or press Start conversation again to start another.");
  const button = element("button", "Open that conversation");
  button.type = "button";
  button.className = "open-existing";
  button.addEventListener("click", () => {
    notice.hidden = true;
    const view = openConversation(conversation.conversation_sid, address);
    view.node.querySelector(".body").focus();
  });
  notice.replaceChildren(text, button);
  notice.hidden = false;
  return true;
}

document.addEventListener("DOMContentLoaded", start);
