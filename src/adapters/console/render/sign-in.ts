import { type Html, html } from "./html.js";

/** Asked for when the console is served beyond loopback (OPSDESK_CONSOLE=remote). */
export function renderSignIn(problem?: string): Html {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · OpsDesk console</title><link rel="stylesheet" href="/console/assets/console.css"></head>
<body class="sign-in">
<main>
<h1>OpsDesk console</h1>
<form method="post" action="/console/login">
<label for="secret">Console secret</label>
<input id="secret" name="secret" type="password" autocomplete="current-password" required${problem ? html` aria-invalid="true" aria-describedby="secret-error"` : ""}>
${problem ? html`<p class="field-error" id="secret-error">${problem}</p>` : ""}
<p class="hint">The value of OPSDESK_CONSOLE_SECRET on the OpsDesk server.</p>
<button type="submit" class="style-primary">Sign in</button>
</form>
</main>
</body>
</html>`;
}
