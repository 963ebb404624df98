// The scanner page: the code field keeps the focus (a USB or Bluetooth scanner types into it
// and presses Enter), and each answer sounds as it looks: one high tone for admitted, two low
// ones for already used, a middle one for refused. Everything works without it.
//
// Without a network the page keeps working from what it holds (`data-offline`: the date's
// admission list by code hash and voucher id, the key that signs vouchers' tokens, the words):
// a voucher on the list is admitted once on this device, the scan kept with its nonce and time,
// and the kept scans are sent to the server when the network returns (`…/sync`).
(function () {
  "use strict";
  var field = document.getElementById("f-code");
  var form = document.querySelector("form.scan-form");
  if (field) {
    field.focus();
    document.addEventListener("click", function (event) {
      if (!event.target.closest("a, button, input, textarea, select, label")) field.focus();
    });
  }

  function play(kind) {
    if (!(window.AudioContext || window.webkitAudioContext)) return;
    var tones = { admitted: [880], already: [220, 220], refused: [440] }[kind] || [];
    try {
      var context = new (window.AudioContext || window.webkitAudioContext)();
      tones.forEach(function (frequency, index) {
        var oscillator = context.createOscillator();
        var gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.value = 0.2;
        oscillator.connect(gain);
        gain.connect(context.destination);
        var start = context.currentTime + index * 0.25;
        oscillator.start(start);
        oscillator.stop(start + 0.18);
      });
    } catch (error) {
      // No sound: the colour and the words say it all.
    }
  }

  var shown = document.querySelector("[data-result]");
  if (shown) play(shown.dataset.result);
  if (!form || !form.dataset.offline || !window.crypto || !window.crypto.subtle) return;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/door/sw.js", { scope: "/door/" }).catch(function () {});
  }
  // Signing out forgets what this device holds: the kept scans and lists, the cached pages and
  // the service worker (the server's Clear-Site-Data says the same to browsers that read it).
  document.querySelectorAll("form[action='/logout']").forEach(function (logout) {
    logout.addEventListener("submit", function () {
      Object.keys(localStorage).forEach(function (key) {
        if (key.indexOf("mentore-door-") === 0) localStorage.removeItem(key);
      });
      if (window.caches) caches.keys().then(function (names) { names.forEach(function (name) { caches.delete(name); }); });
      if ("serviceWorker" in navigator) {
        navigator.serviceWorker.getRegistrations().then(function (all) { all.forEach(function (r) { r.unregister(); }); });
      }
    });
  });

  var data = JSON.parse(form.dataset.offline);
  var storeKey = "mentore-door-" + data.session + "-" + data.owner;
  var banner = document.querySelector(".scan-offline");
  var csrf = form.querySelector("input[name=_csrf]").value;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey)) || { admitted: {}, queue: [] };
    } catch (error) {
      return { admitted: {}, queue: [] };
    }
  }
  function save(state) { localStorage.setItem(storeKey, JSON.stringify(state)); }
  function words(key, value) { return (data.text[key] || "").split("\u0001").join(value || ""); }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function base64url(text) {
    var base = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base.length % 4) base += "=";
    var raw = atob(base);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function uuid(bytes) {
    var h = hex(bytes);
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  // The code as the server reads it: after the URL's last slash, before '#', upper case,
  // O as 0, I and L as 1, without dashes and spaces.
  function canonical(text) {
    var code = text.split("#")[0];
    code = code.slice(code.lastIndexOf("/") + 1).toUpperCase().replace(/[-\s]/g, "");
    return code.replace(/O/g, "0").replace(/[IL]/g, "1");
  }

  // Checks a signed token (Sources/Domain/DoorToken.swift): key, signature, validity, scope.
  function verifyToken(token) {
    var bytes;
    try { bytes = base64url(token); } catch (error) { return Promise.resolve(null); }
    if (bytes.length < 43 + 64 || bytes[0] !== 1) return Promise.resolve(null);
    var kidLength = bytes[42];
    if (bytes.length !== 43 + kidLength + 64) return Promise.resolve(null);
    var kid = String.fromCharCode.apply(null, bytes.slice(43, 43 + kidLength));
    var key = data.keys.filter(function (k) { return k.kid === kid; })[0];
    if (!key) return Promise.resolve(null);
    var signed = bytes.slice(0, 43 + kidLength);
    var signature = bytes.slice(43 + kidLength);
    return crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: key.x }, { name: "Ed25519" }, false, ["verify"])
      .then(function (publicKey) { return crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature, signed); })
      .then(function (valid) {
        if (!valid) return null;
        var view = new DataView(signed.buffer);
        var now = Date.now() / 1000;
        if (now < view.getUint32(34) || now >= view.getUint32(38)) return null;
        var scopeID = uuid(signed.slice(18, 34));
        var scope = signed[17];
        if (scope === 1 && scopeID !== data.event) return null;
        if (scope === 2 && data.circuits.indexOf(scopeID) < 0) return null;
        return uuid(signed.slice(1, 17));
      })
      .catch(function () { return null; });
  }

  function show(kind, title, message) {
    var section = document.querySelector("[data-result]");
    if (!section) {
      section = document.createElement("section");
      section.setAttribute("role", "alert");
      section.setAttribute("aria-labelledby", "scan-result-title");
      section.innerHTML = '<h2 id="scan-result-title"></h2><p class="scan-message"></p>';
      form.parentNode.insertBefore(section, form);
    }
    var undo = section.querySelector(".scan-undo");
    if (undo) undo.remove();
    section.className = "scan-result scan-" + kind;
    section.dataset.result = kind;
    section.querySelector("h2").textContent = title;
    section.querySelector(".scan-message").textContent = message;
    play(kind);
  }

  function setBanner(text) {
    banner.textContent = text || "";
    banner.hidden = !text;
  }

  function admitOffline(text) {
    var state = load();
    var value = text.trim();
    var token = value.indexOf("#t=") >= 0 ? value.slice(value.indexOf("#t=") + 3) : null;
    var code = value.indexOf("#t=") === 0 ? null : canonical(value);
    var lookup = code
      ? crypto.subtle.digest("SHA-256", new TextEncoder().encode(code)).then(function (digest) {
        var h = hex(digest);
        return data.entries.filter(function (e) { return e.h === h; })[0] || null;
      })
      : verifyToken(token).then(function (voucher) {
        if (voucher === null) return false;
        return data.entries.filter(function (e) { return e.v === voucher; })[0] || null;
      });
    return lookup.then(function (entry) {
      if (entry === false) return show("refused", data.text.titleRefused, data.text.badToken);
      if (!entry) return show("refused", data.text.titleRefused, code && code.length !== 20 ? data.text.malformed : data.text.notListed);
      if (entry.a || state.admitted[entry.v]) return show("already", data.text.titleAlready, words("already", entry.n));
      state.admitted[entry.v] = true;
      var nonce = "off-" + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
      var scan = { nonce: nonce, scanned_at: new Date().toISOString() };
      if (code) scan.code = code; else scan.token = token;
      state.queue.push(scan);
      save(state);
      show("admitted", data.text.titleAdmitted, words("admitted", entry.n));
      setBanner(data.text.offline + " " + data.text.queued);
    });
  }

  // Scans sent in one request: well under the server's 1,000 and its body limit; the rest follow
  // once these are acknowledged. What was not acknowledged stays queued for the next try.
  var CHUNK = 200;
  var syncing = false;
  function sync() {
    var state = load();
    if (syncing || !state.queue.length || !navigator.onLine) return;
    syncing = true;
    var more = false;
    var sending = state.queue.slice(0, CHUNK);
    fetch(data.sync, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ scans: sending }),
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (answer) {
      var after = load();
      var sent = sending.map(function (s) { return s.nonce; });
      after.queue = after.queue.filter(function (s) { return sent.indexOf(s.nonce) < 0; });
      save(after);
      more = after.queue.length > 0;
      setBanner([answer.message].concat(answer.conflicts || []).join(" "));
      banner.dataset.synced = String(sent.length);
    }).catch(function () {
      setBanner(data.text.syncFailed);
    }).then(function () {
      syncing = false;
      if (more) sync();
    });
  }

  form.addEventListener("submit", function (event) {
    if (navigator.onLine) return;
    event.preventDefault();
    var value = field.value;
    field.value = "";
    field.focus();
    if (value.trim()) admitOffline(value);
  });
  window.addEventListener("offline", function () { setBanner(data.text.offline); });
  window.addEventListener("online", function () { setBanner(""); sync(); });
  if (!navigator.onLine) setBanner(data.text.offline);
  sync();
})();
