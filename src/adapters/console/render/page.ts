import type { ConsoleMessage } from "../messages/message.js";
import type { ConsoleChannel, ConsolePerson } from "../workspace.js";
import { type Html, html } from "./html.js";
import { renderMessage } from "./message.js";
import { timeElement } from "./time.js";

export interface PageInput {
  people: readonly ConsolePerson[];
  channels: readonly ConsoleChannel[];
  channel: string;
  /** The person acting; may be someone not in the config (then without roles). */
  as: string;
  messages: readonly ConsoleMessage[];
  now: Date;
  /** Null when time travel is allowed, else why not. */
  timeTravelRefusal: string | null;
  timezone: string;
}

const jumps = [
  { by: "30m", label: "+30 minutes" },
  { by: "1h", label: "+1 hour" },
  { by: "4h", label: "+4 hours" },
  { by: "1d", label: "+1 day" },
];

function link(channel: string, as: string): string {
  return `/console?${new URLSearchParams({ channel, as }).toString()}`;
}

/**
 * The whole workspace, rendered on the server: it works (read, switch channel or person) before the script
 * loads; the script adds sending, buttons, forms, threads, completion and live updates.
 */
export function renderPage(input: PageInput): Html {
  const person = input.people.find((p) => p.id === input.as);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.channel} · OpsDesk console</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script type="module" src="/console/assets/console.js"></script>
</head>
<body data-channel="${input.channel}" data-as="${input.as}" data-timezone="${input.timezone}">
<a class="skip" href="#composer-input">Skip to the message box</a>
<header class="topbar">
<p class="brand">OpsDesk console</p>
<form class="identity" method="get" action="/console" aria-label="Switch person">
<input type="hidden" name="channel" value="${input.channel}">
<label for="identity">Acting as</label>
<select id="identity" name="as">${input.people.map(
    (p) =>
      html`<option value="${p.id}"${p.id === input.as ? " selected" : ""}>${p.name}${p.roles.length > 0 ? ` (${p.roles.join(", ")})` : " (requester)"}</option>`,
  )}${person ? "" : html`<option value="${input.as}" selected>${input.as} (no roles)</option>`}</select>
<button type="submit">Switch</button>
</form>
${renderClock(input)}
</header>
<div class="workspace">
<nav class="channels" aria-label="Channels"><h2>Channels</h2><ul>${input.channels.map(
    (c) =>
      html`<li><a href="${link(c.id, input.as)}"${c.id === input.channel ? html` aria-current="page"` : ""}><span class="channel-name">${c.id}</span>${c.purpose ? html` <span class="channel-purpose">${c.purpose}</span>` : ""}</a></li>`,
  )}</ul></nav>
<main class="channel" aria-labelledby="channel-title">
<h1 id="channel-title">${input.channel}</h1>
<ol id="messages" class="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label="Messages in ${input.channel}">${input.messages.map(
    (m) => renderMessage(m, input.timezone),
  )}</ol>
${input.messages.length === 0 ? html`<p class="empty" id="empty-channel">Nothing here yet. Raise an incident: <code>/incident Payments API is down impact:high</code></p>` : ""}
<form id="composer" class="composer">
<label for="composer-input">Message ${input.channel}: write, or type a slash command</label>
<div class="composer-row"><input id="composer-input" name="text" type="text" list="command-suggestions" autocomplete="off" spellcheck="false" placeholder="/incident help" aria-describedby="composer-hint">
<datalist id="command-suggestions"></datalist>
<button type="submit" class="style-primary">Send</button></div>
<p id="composer-hint" class="hint">Same commands as Slack: <code>/incident help</code>, <code>/incident</code> opens the form; suggestions appear as you type. Anything else is a message, with "Raise incident" on it.</p>
</form>
</main>
<aside id="thread" class="thread" aria-label="Thread" hidden>
<div class="thread-head"><h2 id="thread-title">Thread</h2><button type="button" id="thread-close">Close thread</button></div>
<ol id="thread-messages" class="messages" role="log" aria-live="polite" aria-labelledby="thread-title"></ol>
</aside>
</div>
<dialog id="form-dialog" aria-labelledby="form-title"></dialog>
<div id="status" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>`;
}

function renderClock(input: PageInput): Html {
  const now = html`<p class="clock">Desk time <span id="clock-now">${timeElement(input.now, input.timezone)}</span></p>`;
  if (input.timeTravelRefusal !== null)
    return html`<div class="time-travel">${now}<p class="hint" id="time-travel-refusal">${input.timeTravelRefusal}</p></div>`;
  return html`<form class="time-travel" id="time-travel">
${now}
<label for="time-travel-by">Time travel (sandbox)</label>
<select id="time-travel-by" name="by">${jumps.map((j) => html`<option value="${j.by}">${j.label}</option>`)}</select>
<button type="submit">Advance clock</button>
</form>`;
}
