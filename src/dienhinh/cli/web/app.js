// dienhinh's reference card page: plain JavaScript, no build step, nothing fetched from outside.
// It posts a round input to /round (or a record to /verify), draws one card per nomination,
// and lets the chair decide a tie through /resolve. The register view (from /interpretations)
// chooses readings, sent with every computation; each card lists the readings used. Every
// request is relative to the page, so the page also works behind a proxy under a sub-path.
"use strict";

(() => {
  const TEXT = {
    vi: {
      title: "Xét công nhận điển hình tiên tiến",
      skip: "Đến các thẻ kết quả",
      input: "Dữ liệu vòng xét",
      paste: "Dán dữ liệu JSON (đầu vào vòng xét hoặc bản ghi quyết định)",
      upload: "Hoặc chọn tệp JSON",
      run: "Tính kết quả",
      demo: "Chạy vòng xét mẫu",
      summary: "Tóm tắt",
      tie: "Chủ tịch Hội đồng quyết định",
      resolve: "Quyết định và hoàn tất vòng xét",
      cards: "Các đề nghị",
      unit: "Đơn vị",
      outcome: "Kết quả",
      download: "Tải bản ghi quyết định (JSON)",
      foot: "Mỗi lý do dẫn chiếu điều, khoản, điểm của văn bản. Trang này không tải gì từ bên ngoài.",
      all: "Tất cả",
      shown: (n, total) => `Hiển thị ${n}/${total} đề nghị`,
      loading: "Đang tính…",
      done: (n) => `Đã tính xong: ${n} đề nghị.`,
      resolved: (names) => `Chủ tịch Hội đồng đã chọn: ${names}. Vòng xét đã hoàn tất.`,
      verified: "Bản ghi đã được kiểm tra lại từ dữ liệu đầu vào.",
      onlyRounds: "Bản ghi đúng, nhưng trang này chỉ hiển thị bản ghi của một vòng xét (kind: round).",
      problem: "Dữ liệu không hợp lệ",
      path: "Vị trí",
      code: "Mã",
      nothing: "Chưa có dữ liệu: dán JSON hoặc chọn tệp.",
      status: "Tình trạng",
      ruleset: "Bộ quy tắc",
      level: "Cấp xét",
      considered: "Ngày xét",
      window: "Thời gian tính thành tích",
      threshold: "Tỷ lệ phiếu cần đạt",
      thresholdValue: (needed, of) => `ít nhất ${needed}/${of} phiếu đồng ý`,
      recognisedCount: "Được công nhận",
      approvals: "Phiếu đồng ý",
      approvalsValue: (a, n, needed) => `${a}/${n} (cần ${needed})`,
      notBalloted: "không đưa ra bỏ phiếu",
      rank: "Xếp hạng",
      certificate: "Bằng khen",
      cash: "Tiền thưởng",
      yes: "Có",
      no: "Không",
      money: (n) => `${n.toLocaleString("vi-VN")} đồng`,
      kind: "Loại",
      ask: "Cần bổ sung",
      reasons: (n) => `Lý do và căn cứ (${n})`,
      tieText: (slots, n, approvals) =>
        `${n} đề nghị cùng được ${approvals} phiếu đồng ý cho ${slots} chỉ tiêu cuối cùng. Chủ tịch Hội đồng chọn ${slots}.`,
      choose: (slots) => `Chọn ${slots}`,
      from: (a, b) => `${a} – ${b}`,
      severity: { pass: "Đạt", fail: "Không đạt", pending: "Cần bổ sung", warning: "Lưu ý", info: "Thông tin" },
      register: "Cách đọc văn bản (sổ đăng ký cách hiểu)",
      registerIntro: "Chọn cách đọc cho mỗi điểm văn bản có thể hiểu theo nhiều cách; mọi lần tính trên trang này dùng các lựa chọn này.",
      registerReset: "Đặt lại mặc định",
      registerChosen: (list) => list.length ? `Đã chọn khác mặc định: ${list}` : "Mọi điểm theo cách đọc mặc định.",
      isDefault: "mặc định",
      provisions: "Quy định",
      readings: "Cách đọc đã dùng",
      readingsCount: (n, k) => `Cách đọc đã dùng (${n}; ${k} khác mặc định)`,
      chosenRow: "Cách đọc khác mặc định",
      none: "không có",
      contradicts: (id, given, chosen) => `Dữ liệu chọn ${id} = “${given}”, nhưng trang này chọn ${id} = “${chosen}”: hãy thống nhất một cách đọc.`,
      recordContradicts: (id, made, chosen) => `Bản ghi được lập theo ${id} = “${made}”, nhưng trang này chọn ${id} = “${chosen}”: một bản ghi không được đọc lại theo cách khác.`,
    },
    en: {
      title: "Recognition of advanced exemplars",
      skip: "Skip to the cards",
      input: "Round data",
      paste: "Paste JSON (a round input or a decision record)",
      upload: "Or choose a JSON file",
      run: "Compute",
      demo: "Run the sample round",
      summary: "Summary",
      tie: "The chair decides",
      resolve: "Decide and finish the round",
      cards: "Nominations",
      unit: "Unit",
      outcome: "Outcome",
      download: "Download the decision record (JSON)",
      foot: "Every reason cites the article, clause and point of its document. This page loads nothing from elsewhere.",
      all: "All",
      shown: (n, total) => `Showing ${n} of ${total} nominations`,
      loading: "Computing…",
      done: (n) => `Computed: ${n} nominations.`,
      resolved: (names) => `The chair chose: ${names}. The round is final.`,
      verified: "The record was re-derived from its inputs.",
      onlyRounds: "The record verifies, but this page draws round records only (kind: round).",
      problem: "The input is refused",
      path: "Where",
      code: "Code",
      nothing: "No data yet: paste JSON or choose a file.",
      status: "Status",
      ruleset: "Ruleset",
      level: "Level",
      considered: "Considered on",
      window: "Achievement window",
      threshold: "Approvals needed",
      thresholdValue: (needed, of) => `at least ${needed} of ${of} approvals`,
      recognisedCount: "Recognised",
      approvals: "Approvals",
      approvalsValue: (a, n, needed) => `${a}/${n} (${needed} needed)`,
      notBalloted: "not put to the vote",
      rank: "Rank",
      certificate: "Certificate",
      cash: "Cash reward",
      yes: "Yes",
      no: "No",
      money: (n) => `${n.toLocaleString("en-US")} VND`,
      kind: "Kind",
      ask: "What to ask for",
      reasons: (n) => `Reasons and provisions (${n})`,
      tieText: (slots, n, approvals) =>
        `${n} nominations have ${approvals} approvals each for the last ${slots} slot(s). The chair chooses ${slots}.`,
      choose: (slots) => `Choose ${slots}`,
      from: (a, b) => `${a} – ${b}`,
      severity: { pass: "Met", fail: "Not met", pending: "To provide", warning: "Note", info: "Information" },
      register: "How the documents are read (the interpretation register)",
      registerIntro: "Choose a reading for each provision that can be read more than one way; every computation on this page uses these choices.",
      registerReset: "Back to the defaults",
      registerChosen: (list) => list.length ? `Chosen other than the default: ${list}` : "Every provision is read by default.",
      isDefault: "default",
      provisions: "Provisions",
      readings: "Readings used",
      readingsCount: (n, k) => `Readings used (${n}; ${k} not the default)`,
      chosenRow: "Readings other than the default",
      none: "none",
      contradicts: (id, given, chosen) => `The input chooses ${id} = “${given}”, but this page chooses ${id} = “${chosen}”: settle on one reading.`,
      recordContradicts: (id, made, chosen) => `The record was made under ${id} = “${made}”, but this page chooses ${id} = “${chosen}”: a record is never re-read under another reading.`,
    },
  };
  const LABELS = {
    outcome: {
      vi: {
        recognised: "Được công nhận", not_recognised: "Không được công nhận",
        ineligible: "Không đủ điều kiện", incomplete: "Hồ sơ chưa đủ",
        awaiting_chair: "Chờ Chủ tịch quyết định", undecided: "Chưa quyết định",
      },
      en: {
        recognised: "Recognised", not_recognised: "Not recognised", ineligible: "Ineligible",
        incomplete: "Incomplete", awaiting_chair: "Awaiting the chair", undecided: "Undecided",
      },
    },
    status: {
      vi: { final: "Đã có kết quả", awaiting_chair: "Chờ Chủ tịch Hội đồng quyết định",
            undecided: "Chưa quyết định", no_quorum: "Không đủ số thành viên dự họp" },
      en: { final: "Final", awaiting_chair: "Awaiting the chair's decision",
            undecided: "Undecided", no_quorum: "No quorum" },
    },
    kind: {
      vi: { collective: "Tập thể", individual: "Cá nhân", household: "Hộ gia đình" },
      en: { collective: "Collective", individual: "Individual", household: "Household" },
    },
    level: {
      vi: { province: "Tỉnh", district: "Huyện", commune: "Xã", unit: "Cơ quan, đơn vị" },
      en: { province: "Province", district: "District", commune: "Commune", unit: "Unit" },
    },
    rulesetStatus: {
      vi: { draft: "dự thảo", issued: "đã ban hành", superseded: "đã được thay thế" },
      en: { draft: "draft", issued: "issued", superseded: "superseded" },
    },
  };
  const OUTCOMES = ["recognised", "awaiting_chair", "undecided", "not_recognised", "ineligible", "incomplete"];
  // A card shows what decides first: a failing requirement, then what is still to come (docs/cards.md).
  const ORDER = { fail: 0, pending: 1, warning: 2, pass: 3, info: 4 };
  const MARK = { pass: "✓", fail: "✗", pending: "?", warning: "!", info: "i" };

  const state = { lang: "vi", record: null, filters: { unit: "", outcome: "" }, downloadUrl: null, message: null,
                  register: [], readings: {} };
  const $ = (id) => document.getElementById(id);
  const t = () => TEXT[state.lang];
  const label = (group, value) => (LABELS[group][state.lang] || {})[value] || value;
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  // The record's own display labels where it carries them (an outcome's "labels"), else the page's.
  const labelOf = (o, group, value) =>
    o && o.labels && o.labels[group] ? capital(o.labels[group][state.lang]) : label(group, value);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("data-") || k.startsWith("aria-") || ["id", "for", "lang", "role", "type", "name", "value", "href"].includes(k)) node.setAttribute(k, v === true ? "" : String(v));
      else node[k] = v;
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setState(name) { document.body.dataset.state = name; }

  // A status message is kept as its text's key and arguments, so it follows the language.
  function say(key, ...args) {
    state.message = key === null ? null : [key, args];
    renderMessage();
  }

  function renderMessage() {
    if (!state.message) { $("message").textContent = ""; return; }
    const [key, args] = state.message;
    const value = t()[key];
    $("message").textContent = typeof value === "function" ? value(...args) : value;
  }

  // Dates as the documents write them in Vietnamese (dd/mm/yyyy); ISO in English.
  function day(iso) {
    if (state.lang !== "vi" || !/^\d{4}-\d{2}-\d{2}$/.test(iso || "")) return iso;
    const [y, m, d] = iso.split("-");
    return `${d}/${m}/${y}`;
  }

  async function call(path, body) {
    const response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : (typeof body === "string" ? body : JSON.stringify(body)),
    });
    const data = await response.json();
    if (!response.ok) {
      const error = new Error(data.detail || response.statusText);
      error.problem = data;
      throw error;
    }
    return data;
  }

  function showProblem(error) {
    const box = $("problem");
    box.replaceChildren();
    const p = error.problem || { detail: String(error.message || error) };
    box.append(el("h2", { text: t().problem }), el("p", { text: p.detail }));
    if (p.path || p.code) {
      const dl = el("dl", { class: "facts" });
      if (p.path) dl.append(el("dt", { text: t().path }), el("dd", {}, el("code", { text: p.path })));
      if (p.code) dl.append(el("dt", { text: t().code }), el("dd", {}, el("code", { text: p.code })));
      box.append(dl);
    }
    box.hidden = false;
    say(null);
    setState("error");
  }

  async function run(task) {
    $("problem").hidden = true;
    say("loading");
    setState("loading");
    try {
      await task();
    } catch (error) {
      showProblem(error);
    }
  }

  function show(record, ...message) {
    state.record = record;
    if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
    state.downloadUrl = URL.createObjectURL(new Blob([JSON.stringify(record)], { type: "application/json" }));
    state.filters = { unit: "", outcome: "" };
    $("input-details").open = false;
    render();
    if (message.length) say(...message);
    else say("done", record.outcomes.length);
    setState("ready");
  }

  // -- the register: the page's choice of readings, sent with every computation -------------

  const defaultOf = (id) => (state.register.find((e) => e.id === id) || {}).default;

  // A round input with the page's choices merged into its "readings"; an input that chooses
  // another reading of the same entry is refused, naming both (as `dienhinh round --read`).
  function withReadings(doc) {
    const chosen = Object.entries(state.readings);
    if (!chosen.length || !doc || typeof doc !== "object" || Array.isArray(doc)) return doc;
    const given = doc.readings && typeof doc.readings === "object" ? doc.readings : {};
    for (const [id, reading] of chosen) {
      if (id in given && given[id] !== reading) throw new Error(t().contradicts(id, given[id], reading));
    }
    return { ...doc, readings: { ...given, ...state.readings } };
  }

  // A record states its readings: the page's choices must agree with them (as `verify --read`).
  function checkRecord(record) {
    const made = (record.inputs && record.inputs.readings) || {};
    for (const [id, reading] of Object.entries(state.readings)) {
      const used = made[id] || defaultOf(id);
      if (used !== reading) throw new Error(t().recordContradicts(id, used, reading));
    }
  }

  async function submitInput(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (_) {
      data = null; // the server says what is wrong with it, with its place
    }
    if (data && typeof data === "object" && "kind" in data && "inputs" in data) {
      checkRecord(data);
      await call("verify", text);
      if (data.kind !== "round") throw new Error(t().onlyRounds);
      show(data, "verified");
    } else if (data && typeof data === "object") {
      show(await call("round", withReadings(data)));
    } else {
      show(await call("round", text));
    }
  }

  function readingText(entry, r) {
    return r[state.lang] || r.en;
  }

  function renderRegister() {
    const form = $("register");
    if (form.childElementCount !== state.register.length) {
      form.replaceChildren(...state.register.map((e) => {
        const name = `read-${e.id}`;
        return el("fieldset", { class: "entry", "data-id": e.id },
          el("legend", {}, el("strong", { text: e.id }), " — ", el("span", { class: "title", lang: "en", text: e.title })),
          el("p", { class: "question", lang: "en", text: e.question }),
          el("p", { class: "rules" }, el("span", { class: "provisions" }), " ", el("code", { text: e.rules.join(", ") })),
          el("ul", { class: "choices" }, e.readings.map((r) => el("li", {},
            el("label", {},
              el("input", { type: "radio", name, value: r.name, "data-id": e.id, "data-default": r.name === e.default }),
              " ", el("code", { text: r.name }),
              r.name === e.default ? el("span", { class: "default" }) : null,
              " — ", el("span", { class: "meaning" }))))));
      }));
    }
    for (const fs of form.querySelectorAll("fieldset.entry")) {
      const e = state.register.find((x) => x.id === fs.dataset.id);
      const current = state.readings[e.id] || e.default;
      fs.querySelector(".provisions").textContent = `${t().provisions}:`;
      for (const input of fs.querySelectorAll("input")) {
        input.checked = input.value === current;
        const r = e.readings.find((x) => x.name === input.value);
        const label = input.closest("label");
        label.querySelector(".meaning").textContent = readingText(e, r);
        label.querySelector(".meaning").lang = state.lang;
        const mark = label.querySelector(".default");
        if (mark) mark.textContent = ` (${t().isDefault})`;
      }
      fs.classList.toggle("chosen", e.id in state.readings);
    }
    const list = Object.entries(state.readings).map(([id, r]) => `${id} ${r}`).join(", ");
    $("register-chosen").textContent = t().registerChosen(list);
  }

  function choose(id, reading) {
    if (reading === defaultOf(id)) delete state.readings[id];
    else state.readings[id] = reading;
    renderRegister();
  }

  async function loadRegister() {
    state.register = await call("interpretations");
    renderRegister();
  }

  // -- rendering ----------------------------------------------------------------------------

  function render() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll("[data-i18n]")) {
      const value = t()[node.dataset.i18n];
      if (typeof value === "string") node.textContent = value;
    }
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
    }
    document.title = `dienhinh — ${t().title}`;
    renderMessage();
    renderRegister();
    const r = state.record;
    for (const id of ["summary", "results"]) $(id).hidden = !r;
    if (!r) { $("draft").hidden = true; $("tie").hidden = true; return; }
    renderDraft(r);
    renderSummary(r);
    renderTie(r);
    renderFilters(r);
    renderCards(r);
    $("download").href = state.downloadUrl;
  }

  function renderDraft(r) {
    const draft = (r.reasons || []).find((x) => x.code === "ruleset.draft");
    $("draft").hidden = !draft;
    if (draft) {
      $("draft-h").textContent = draft[`title_${state.lang}`];
      $("draft-text").textContent = draft[state.lang];
    }
  }

  function renderSummary(r) {
    const rows = [
      [t().status, labelOf(r.outcomes[0], "status", r.status)],
      [t().ruleset, `${r.ruleset.id} (${label("rulesetStatus", r.ruleset.status)})`],
      [t().level, label("level", r.level)],
      [t().considered, day(r.considered_on)],
    ];
    if (r.window) rows.push([t().window, t().from(day(r.window.start), day(r.window.end))]);
    if (r.ballot) rows.push([t().threshold, t().thresholdValue(r.ballot.needed, r.ballot.denominator)]);
    rows.push([t().recognisedCount, `${r.recognised.length}/${r.outcomes.length}`]);
    const other = (r.interpretations || []).filter((u) => !u.default).map((u) => `${u.id} ${u.reading}`);
    rows.push([t().chosenRow, other.length ? other.join(", ") : t().none]);
    $("summary-list").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
  }

  function names(r) {
    return new Map(r.outcomes.map((o) => [o.nominee, o.name || o.nominee]));
  }

  function openTies(r) {
    if (r.status !== "awaiting_chair" || !r.ballot) return [];
    const waiting = new Set(r.outcomes.filter((o) => o.outcome === "awaiting_chair").map((o) => o.nominee));
    return (r.ballot.ties || []).filter((tie) => tie.nominees.some((n) => waiting.has(n)));
  }

  function renderTie(r) {
    const ties = openTies(r);
    $("tie").hidden = ties.length === 0;
    if (!ties.length) return;
    const who = names(r);
    const unit = new Map(r.outcomes.map((o) => [o.nominee, o.unit]));
    $("tie-text").textContent = ties.map((tie) => t().tieText(tie.slots, tie.nominees.length, tie.approvals)).join(" ");
    const sets = ties.map((tie, i) => {
      const single = tie.slots === 1;
      return el("fieldset", { "data-slots": tie.slots },
        el("legend", { text: t().choose(tie.slots) }),
        tie.nominees.map((n) => el("label", {},
          el("input", { type: single ? "radio" : "checkbox", name: `tie-${i}`, value: n, "data-nominee": n }),
          ` ${who.get(n)} — ${unit.get(n)} (${n})`)));
    });
    $("tie-options").replaceChildren(...sets);
    updateTieButton();
  }

  function tieChoice() {
    return [...$("tie-options").querySelectorAll("input:checked")].map((x) => x.value);
  }

  function updateTieButton() {
    const ok = [...$("tie-options").querySelectorAll("fieldset")].every(
      (fs) => fs.querySelectorAll("input:checked").length === Number(fs.dataset.slots));
    $("tie-resolve").disabled = !ok;
  }

  function renderFilters(r) {
    const units = [...new Set(r.outcomes.map((o) => o.unit))].sort((a, b) => a.localeCompare(b, "vi"));
    const present = OUTCOMES.filter((x) => r.outcomes.some((o) => o.outcome === x));
    const option = (value, text, selected) => el("option", { value, selected: selected || undefined, text });
    $("filter-unit").replaceChildren(option("", t().all, !state.filters.unit),
      ...units.map((u) => option(u, u, u === state.filters.unit)));
    $("filter-outcome").replaceChildren(option("", t().all, !state.filters.outcome),
      ...present.map((x) => option(x, labelOf(r.outcomes.find((o) => o.outcome === x), "outcome", x),
        x === state.filters.outcome)));
    $("filter-unit").value = state.filters.unit;
    $("filter-outcome").value = state.filters.outcome;
  }

  function citation(reason) {
    if (!reason.citation) return null;
    return el("cite", { text: reason.citation[state.lang] || reason.citation.en });
  }

  function reasonItem(reason) {
    const sev = reason.severity;
    return el("li", { class: `reason ${sev}`, "data-code": reason.code, "data-rule": reason.rule },
      el("p", {},
        el("span", { class: "sev", "aria-hidden": "true", text: MARK[sev] || "·" }),
        el("span", { class: "visually-hidden", text: `${t().severity[sev]}: ` }),
        el("strong", { text: reason[`title_${state.lang}`] }), " — ",
        el("span", { class: "sentence", text: reason[state.lang] })),
      reason.citation ? el("p", {}, citation(reason), reason.rule ? ` (${reason.rule})` : "") : null,
      reason.citation && reason.citation.quote
        ? el("blockquote", { lang: "vi", class: "quote", text: reason.citation.quote }) : null);
  }

  function readingsUsed(used) {
    const other = used.filter((u) => !u.default).length;
    return el("details", { class: "readings" },
      el("summary", { text: t().readingsCount(used.length, other) }),
      el("ul", {}, used.map((u) => el("li", {
        class: u.default ? "reading" : "reading chosen", "data-id": u.id, "data-reading": u.reading,
      }, el("code", { text: `${u.id} ${u.reading}` }), u.default ? ` (${t().isDefault})` : ""))));
  }

  function card(o, tally, benefit, needed, used) {
    const facts = el("dl", { class: "facts" });
    const add = (k, v, cls) => facts.append(el("dt", { text: k }), el("dd", { class: cls, text: v }));
    // The outcome's own approvals, rank, certificate and cash where the record carries them on
    // the outcome; else joined from the ballot's tally and the benefits by nominee.
    const own = (key, joined) => (o[key] !== undefined && o[key] !== null ? o[key] : joined);
    const approvals = own("approvals", tally ? tally.approvals : null);
    const members = own("members", tally ? tally.members : null);
    const rank = own("rank", tally ? tally.rank : null);
    const verdict = o.labels && o.labels.threshold && approvals !== null ? ` — ${o.labels.threshold[state.lang]}` : "";
    add(t().kind, labelOf(o, "kind", o.kind));
    add(t().approvals, approvals !== null ? t().approvalsValue(approvals, members, needed) + verdict : t().notBalloted, "approvals");
    if (rank !== null) add(t().rank, String(rank), "rank");
    const cash = own("cash_vnd", benefit ? benefit.cash_vnd : null);
    const certificate = own("certificate", benefit ? benefit.certificate : null);
    if (certificate !== null) add(t().certificate, certificate ? t().yes : t().no, "certificate");
    if (cash !== null) add(t().cash, t().money(cash), "cash");
    const reasons = [...o.reasons, ...(benefit ? benefit.reasons : [])]
      .map((r, i) => [r, i])
      .sort(([a, i], [b, j]) => (ORDER[a.severity] ?? 5) - (ORDER[b.severity] ?? 5) || i - j)
      .map(([r]) => r);
    const id = `card-${o.nominee}`.replace(/[^A-Za-z0-9_-]/g, "_");
    return el("li", { class: "card", "data-nominee": o.nominee, "data-outcome": o.outcome, "data-unit": o.unit },
      el("article", { "aria-labelledby": id },
        el("h3", { id, text: o.name || o.nominee }),
        el("p", { class: "unit", text: o.unit }),
        el("p", { class: `badge ${o.outcome}`, text: labelOf(o, "outcome", o.outcome) }),
        facts,
        o.missing.length
          ? el("section", { class: "ask" }, el("h4", { text: t().ask }),
              el("ul", {}, o.missing.map((m) => el("li", { class: "missing", text: m[state.lang] }))))
          : null,
        el("details", {},
          el("summary", { text: t().reasons(reasons.length) }),
          el("ol", { class: "reasons" }, reasons.map(reasonItem))),
        readingsUsed(used)));
  }

  function renderCards(r) {
    const tally = new Map((r.ballot ? r.ballot.tally : []).map((x) => [x.nominee, x]));
    const benefits = new Map((r.benefits || []).map((b) => [b.nominee, b]));
    const needed = r.ballot ? r.ballot.needed : null;
    const shown = r.outcomes.filter((o) =>
      (!state.filters.unit || o.unit === state.filters.unit) &&
      (!state.filters.outcome || o.outcome === state.filters.outcome));
    const used = r.interpretations || [];
    $("cards").replaceChildren(...shown.map((o) => card(o, tally.get(o.nominee), benefits.get(o.nominee), needed, used)));
    $("shown").textContent = t().shown(shown.length, r.outcomes.length);
  }

  // -- wiring -------------------------------------------------------------------------------

  function start() {
    setState("idle");
    const params = new URLSearchParams(location.search);
    if (params.get("lang") === "en") state.lang = "en";
    for (const button of document.querySelectorAll("[data-lang]")) {
      button.addEventListener("click", () => { state.lang = button.dataset.lang; render(); });
    }
    $("input-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const file = $("input-file").files[0];
      run(async () => {
        const text = file ? await file.text() : $("input-text").value;
        if (!text.trim()) throw new Error(t().nothing);  // shown as the problem
        await submitInput(text);
      });
    });
    $("run-demo").addEventListener("click", () => run(async () => {
      show(await call("round", withReadings(await call("demo"))));
    }));
    $("register").addEventListener("change", (e) => {
      if (e.target.dataset.id) choose(e.target.dataset.id, e.target.value);
    });
    $("register-reset").addEventListener("click", () => { state.readings = {}; renderRegister(); });
    $("tie-options").addEventListener("change", updateTieButton);
    $("tie-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const choice = tieChoice();
      run(async () => {
        const who = names(state.record);
        checkRecord(state.record);
        const record = await call("resolve", { record: state.record, chair_choice: choice });
        show(record, "resolved", choice.map((n) => who.get(n)).join(", "));
        $("summary-h").focus?.();
      });
    });
    $("filter-unit").addEventListener("change", (e) => { state.filters.unit = e.target.value; renderCards(state.record); });
    $("filter-outcome").addEventListener("change", (e) => { state.filters.outcome = e.target.value; renderCards(state.record); });
    for (const item of params.getAll("read")) {  // ?read=A-9=per-kind, as the command line's --read
      const at = item.indexOf("=");
      if (at > 0) state.readings[item.slice(0, at)] = item.slice(at + 1);
    }
    render();
    // The register comes from the server (GET /interpretations); the demo waits for it, so that
    // ?read= choices apply. Nothing else waits: a computation without it uses the page's choices.
    loadRegister().then(() => {
      for (const [id, reading] of Object.entries(state.readings)) {
        const entry = state.register.find((e) => e.id === id);
        if (!entry || !entry.readings.some((r) => r.name === reading)) {
          delete state.readings[id];
          throw new Error(`read=${id}=${reading}: ${entry ? `not a reading of ${id}` : "not an entry of the register"}`);
        }
        if (reading === entry.default) delete state.readings[id];
      }
      renderRegister();
      document.body.dataset.register = "ready";
      if (params.has("demo")) $("run-demo").click();
    }).catch(showProblem);
  }

  window.dienhinh = {
    get record() { return state.record; },
    get lang() { return state.lang; },
    get readings() { return { ...state.readings }; },
    get register() { return state.register; },
  };
  start();
})();
