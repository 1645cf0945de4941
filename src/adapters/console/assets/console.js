// The OpsDesk console page's behaviour, hand-written and served as is (no bundler). The server renders
// every message and form as HTML; this script sends what the person does to the console's JSON API, puts
// the answers on the page, and keeps the page live with server-sent events.

const body = document.body;
const channel = body.dataset.channel ?? "";
const as = body.dataset.as ?? "";
const timezone = body.dataset.timezone ?? "UTC";

const messages = document.getElementById("messages");
const composer = document.getElementById("composer");
const input = document.getElementById("composer-input");
const suggestions = document.getElementById("command-suggestions");
const dialog = document.getElementById("form-dialog");
const thread = document.getElementById("thread");
const threadMessages = document.getElementById("thread-messages");
const status = document.getElementById("status");
let openThreadId = null;

document.documentElement.classList.add("js");

/** Unique per action, so a double click or a resent request acts once on the server. */
function requestId() {
  return crypto.randomUUID();
}

function announce(text) {
  status.textContent = "";
  // A fresh text node after a tick makes screen readers announce a repeat of the same words too.
  setTimeout(() => {
    status.textContent = text;
  }, 50);
}

async function post(path, payload) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.message ?? `The console answered ${response.status}.`);
  return data;
}

function fragment(html) {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}

/** Adds a message to a log, or replaces it where it is when it changed (a card updated in place). */
function upsert(list, message) {
  const element = fragment(message.html);
  const existing = list.querySelector(`[data-message-id="${message.id}"]`);
  if (existing) {
    existing.replaceWith(element);
    return;
  }
  list.append(element);
  document.getElementById("empty-channel")?.remove();
  element.scrollIntoView({ block: "nearest" });
}

function showMessage(message) {
  if (message.threadOf !== null) {
    if (message.threadOf === openThreadId) upsert(threadMessages, message);
    return;
  }
  if (message.channel === channel) upsert(messages, message);
}

function showReply(reply) {
  if (!reply) return;
  if (reply.kind === "form") {
    openForm(reply.html);
    return;
  }
  if (reply.message) {
    showMessage(reply.message);
    if (reply.message.channel !== channel) announce("OpsDesk answered you privately in another channel.");
  }
}

// Sending slash commands from the message box.
composer.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text === "") return;
  try {
    const data = await post("/console/api/command", { as, channel, text, requestId: requestId() });
    input.value = "";
    suggestions.replaceChildren();
    showReply(data.reply);
  } catch (error) {
    announce(error.message);
  }
});

// Completion: commands, subcommands, options and their values, from the registry, as you type.
let completionTimer;
input.addEventListener("input", () => {
  clearTimeout(completionTimer);
  completionTimer = setTimeout(async () => {
    const text = input.value;
    if (!text.startsWith("/")) {
      suggestions.replaceChildren();
      return;
    }
    const response = await fetch(`/console/api/complete?${new URLSearchParams({ text, as })}`);
    if (!response.ok || input.value !== text) return;
    const data = await response.json();
    suggestions.replaceChildren(
      ...data.suggestions.map((suggestion) => {
        const option = document.createElement("option");
        option.value = suggestion.text;
        option.label = suggestion.label;
        return option;
      }),
    );
  }, 120);
});

// Card buttons (event delegation: cards arrive and change while the page is open).
document.addEventListener("click", async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest("button[data-action]");
  if (button) {
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    button.disabled = true;
    try {
      const data = await post("/console/api/button", {
        as,
        channel,
        action: button.dataset.action,
        value: button.dataset.value ?? "",
        requestId: requestId(),
      });
      showReply(data.reply);
    } catch (error) {
      announce(error.message);
    } finally {
      button.disabled = false;
    }
    return;
  }
  const raise = target?.closest("button[data-raise]");
  if (raise) {
    try {
      const data = await post("/console/api/raise", {
        as,
        channel,
        messageId: Number(raise.dataset.raise),
        requestId: requestId(),
      });
      showReply(data.reply);
    } catch (error) {
      announce(error.message);
    }
    return;
  }
  const threadLink = target?.closest("button[data-thread]");
  if (threadLink) await openThread(Number(threadLink.dataset.thread));
  if (target?.closest("[data-close-dialog]")) dialog.close();
});

// Forms open as a modal dialog; invalid fields get their problem underneath, and the dialog stays open.
function openForm(html) {
  dialog.innerHTML = html;
  dialog.showModal();
  dialog.querySelector("input, select, textarea")?.focus();
}

dialog.addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const values = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    values[field.name] = field.type === "checkbox" ? field.checked : field.value === "" ? null : field.value;
  }
  const submit = form.querySelector('button[type="submit"]');
  submit.disabled = true;
  try {
    const data = await post("/console/api/form", {
      as,
      channel,
      formId: form.dataset.formId,
      hidden: JSON.parse(form.dataset.hidden ?? "{}"),
      values,
      requestId: requestId(),
    });
    if (data.reply?.kind === "field_errors") {
      showFieldErrors(form, data.reply.errors);
      return;
    }
    dialog.close();
    showReply(data.reply);
  } catch (error) {
    announce(error.message);
  } finally {
    submit.disabled = false;
  }
});

function showFieldErrors(form, errors) {
  let first = null;
  for (const field of form.elements) {
    if (!field.name) continue;
    const problem = errors[field.name];
    const slot = form.querySelector(`#field-${CSS.escape(field.name)}-error`);
    if (problem) {
      field.setAttribute("aria-invalid", "true");
      first ??= field;
    } else field.removeAttribute("aria-invalid");
    if (slot) {
      slot.textContent = problem ?? "";
      slot.hidden = !problem;
    }
  }
  first?.focus();
}

// Threads: a card's timeline, opened beside the channel.
async function openThread(id) {
  const response = await fetch(`/console/api/thread?${new URLSearchParams({ id: String(id), as })}`);
  if (!response.ok) return;
  const data = await response.json();
  openThreadId = id;
  // The card itself stays in the channel; the thread names it and lists its lines.
  document.getElementById("thread-title").textContent = `Thread · ${data.root.view?.title ?? "message"}`;
  threadMessages.replaceChildren();
  for (const reply of data.replies) upsert(threadMessages, reply);
  thread.hidden = false;
  document.getElementById("thread-close").focus();
}

document.getElementById("thread-close").addEventListener("click", () => {
  const id = openThreadId;
  openThreadId = null;
  thread.hidden = true;
  document.querySelector(`[data-thread="${id}"]`)?.focus();
});

// Time travel (sandbox only; the form is not there otherwise).
const clockNow = document.getElementById("clock-now");
function showClock(iso) {
  const at = new Date(iso);
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(at);
  clockNow.innerHTML = `<time datetime="${at.toISOString()}"></time>`;
  clockNow.firstElementChild.textContent = text;
}

document.getElementById("time-travel")?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const by = event.target.elements.by.value;
  try {
    const data = await post("/console/api/clock", { by });
    showClock(data.now);
    announce(`The desk clock moved forward ${by}.`);
  } catch (error) {
    announce(error.message);
  }
});

// Live updates: new and changed messages, and clock jumps, without reloading.
async function reloadChannel() {
  const response = await fetch(`/console/api/messages?${new URLSearchParams({ channel, as })}`);
  if (!response.ok) return;
  const data = await response.json();
  for (const message of data.messages) upsert(messages, message);
}

let connectedBefore = false;
const events = new EventSource(`/console/api/events?${new URLSearchParams({ as })}`);
events.addEventListener("open", () => {
  body.dataset.live = "true";
  // After a reconnect, catch up on what was posted while the stream was down.
  if (connectedBefore) reloadChannel();
  connectedBefore = true;
});
events.addEventListener("error", () => {
  body.dataset.live = "false";
});
events.addEventListener("message", (event) => showMessage(JSON.parse(event.data)));
events.addEventListener("clock", (event) => showClock(JSON.parse(event.data).now));
