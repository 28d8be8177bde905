// Draws the cards of a round record (round-output schema) as docs/cards.md documents them:
// each outcome's labels, votes, benefit and reasons (already ordered: fail, pending, warning,
// pass, info), and the record's draft notice. No library, no network.
"use strict";

let record = null;

function lang() {
  return document.querySelector('input[name="lang"]:checked').value;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function money(amount, l) {
  const text = amount.toLocaleString(l === "vi" ? "vi-VN" : "en-US");
  return l === "vi" ? text + " đ" : text + " VND";
}

function reasonItem(reason, l) {
  const rule = reason.rule ? ` [${reason.rule} — ${reason.citation[l]}]` : "";
  return el("li", { class: reason.severity }, reason[l], el("small", {}, rule));
}

function card(outcome, l) {
  const labels = outcome.labels;
  const votes = outcome.approvals === null
    ? labels.threshold[l]
    : `${outcome.approvals}/${outcome.members} · #${outcome.rank} · ${labels.threshold[l]}`;
  const node = el("div", { class: "card" },
    el("h3", {}, outcome.name || outcome.nominee),
    el("div", { class: "meta" }, `${outcome.unit} · ${labels.kind[l]}`),
    el("div", { class: "outcome " + outcome.outcome }, labels.outcome[l]),
    el("div", { class: "meta" }, votes));
  if (outcome.cash_vnd !== null && outcome.certificate) {
    node.append(el("div", { class: "meta" }, money(outcome.cash_vnd, l)));
  }
  const list = el("ul", {});
  for (const r of outcome.reasons) list.append(reasonItem(r, l));
  for (const r of outcome.missing) list.append(reasonItem(r, l));
  node.append(list);
  return node;
}

function draw() {
  if (record === null) return;
  const l = lang();
  const cards = document.getElementById("cards");
  cards.replaceChildren(...record.outcomes.map((o) => card(o, l)));
  const draft = record.reasons.find((r) => r.code === "ruleset.draft");
  document.getElementById("draft").replaceChildren(
    ...(draft ? [el("div", { class: "draft" }, draft[l])] : []));
  const status = record.outcomes.length ? record.outcomes[0].labels.status[l] : record.status;
  document.getElementById("summary").textContent =
    `${record.ruleset.id} · ${record.considered_on} · ${status} · ` +
    `${record.recognised.length}/${record.outcomes.length}`;
}

document.getElementById("file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const doc = JSON.parse(await file.text());
  if (doc.kind !== "round") {
    document.getElementById("summary").textContent = "not a round record (kind " + doc.kind + ")";
    return;
  }
  record = doc;
  draw();
});
for (const input of document.querySelectorAll('input[name="lang"]')) {
  input.addEventListener("change", draw);
}
