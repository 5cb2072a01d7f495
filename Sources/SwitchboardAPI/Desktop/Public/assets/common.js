"use strict";
// What the desktop and the simulator share: the Access Token from the sign-in link, API calls and event streams
// that carry it in a header (never a cookie), and Twilio's error bodies turned into sentences.

const Switchboard = (() => {
  const TOKEN_KEY = "switchboard.token";

  /// Takes the token from `#token=…` into sessionStorage and removes it from the address bar, so it is neither
  /// bookmarked nor left in the history.
  function takeToken() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `HTTP ${status}`);
      this.status = status;
      this.code = body && body.code;
    }
  }

  /// One API call. `form` becomes a form body, as Twilio's API takes; `json` a JSON body (Transfers).
  async function api(method, path, { form, json, headers } = {}) {
    const init = { method, headers: { Authorization: "Bearer " + sessionStorage.getItem(TOKEN_KEY), ...(headers || {}) } };
    if (form) {
      init.body = new URLSearchParams(Object.entries(form).filter(([, v]) => v !== undefined && v !== null && v !== ""));
    } else if (json) {
      init.body = JSON.stringify(json);
      init.headers["Content-Type"] = "application/json";
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (_) { body = null; }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  /// Keepalives come every 15 s; silence this long means a dead connection.
  const STALL_MS = 40000;

  /// Reads the Server-Sent Events stream at `path` with fetch, because EventSource cannot send the Authorization
  /// header, until `stop()` is called. After a drop, a stall or a refusal it waits with growing, jittered backoff
  /// and reconnects with the last frame's ID, so the server replays exactly what was missed; `onOpen` is awaited
  /// on every connection before its frames are read, to catch up on what a replay cannot hold. A 401 ends it.
  function eventStream(path, { onOpen, onEvent, onState, onSignInFailure }) {
    let lastEventId = null;
    let stopped = false;
    let controller = null;
    let wake = null;

    function handleFrame(frame) {
      let id = null; let type = "message"; const data = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") type = value;
        else if (field === "data") data.push(value);
      }
      if (id !== null) lastEventId = id;
      if (!data.length) return;
      let payload;
      try { payload = JSON.parse(data.join("\n")); } catch (_) { return; }
      onEvent(type, payload);
    }

    async function run() {
      let delay = 500;
      while (!stopped) {
        controller = new AbortController();
        const connection = controller;
        let stall = setTimeout(() => connection.abort(), STALL_MS);
        try {
          const headers = { Authorization: "Bearer " + sessionStorage.getItem(TOKEN_KEY), Accept: "text/event-stream" };
          if (lastEventId) headers["Last-Event-ID"] = lastEventId;
          const response = await fetch(path, { headers, cache: "no-store", signal: connection.signal });
          if (response.status === 401) {
            const body = await response.json().catch(() => ({}));
            if (onSignInFailure) onSignInFailure(new ApiError(401, body));
            return;
          }
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          if (onState) onState("live");
          delay = 500;
          if (onOpen) await onOpen();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = "";
          for (;;) {
            const { value, done } = await reader.read();
            if (done || stopped) break;
            clearTimeout(stall);
            stall = setTimeout(() => connection.abort(), STALL_MS);
            buffer += value.replace(/\r\n/g, "\n");
            let end;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              handleFrame(frame);
            }
          }
        } catch (_) {
          // A dropped or refused connection: the wait below ends in a reconnection.
        } finally {
          clearTimeout(stall);
        }
        if (stopped) return;
        if (onState) onState("reconnecting");
        await new Promise((resolve) => { wake = resolve; setTimeout(resolve, delay + Math.random() * delay); });
        delay = Math.min(delay * 2, 15000);
      }
    }

    run();
    return {
      stop() {
        stopped = true;
        if (controller) controller.abort();
        if (wake) wake();
      },
    };
  }

  /// Why a sign-in failed, in the agent's words, from Twilio's codes.
  function signInProblem(error) {
    switch (error.code) {
      case 20104: return "Your sign-in link has expired. Ask for a new one (switchboard agent-token).";
      case 20101: case 20107: return "This sign-in link is not valid: its token is malformed or not signed by a key of this server.";
      case 20106: return "This token has no TaskRouter grant for a worker, so it cannot sign in an agent.";
      case 20403: return "This token may not open this page.";
      default: return "Sign-in failed: " + error.message;
    }
  }

  /// A query string from an object, leaving out empty values.
  function query(parameters) {
    const search = new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== undefined && v !== null && v !== ""));
    const text = search.toString();
    return text ? "?" + text : "";
  }

  /// A child element with text, never markup: every string that came from a customer or the API goes through here.
  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function show(node, text) {
    node.textContent = text || "";
    node.hidden = !text;
  }

  function clock(date) {
    return date ? new Date(date).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" }) : "";
  }

  return { takeToken, signOut, api, ApiError, eventStream, signInProblem, query, element, show, clock };
})();
