// The door scanner's service worker (scope /door/): the scanner pages and their assets are kept
// so that a page reloaded without a network still opens; pages come from the network first.
"use strict";
var CACHE = "mentore-door-v1";
var ASSETS = ["/css/site.css", "/js/scanner.js", "/favicon.svg"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var scanner = /^\/door\/sessions\/[^/]+\/scan$/.test(url.pathname);
  if (!scanner && ASSETS.indexOf(url.pathname) < 0) return;
  event.respondWith(fetch(request).then(function (response) {
    // A page that redirected (to the log-in page, once signed out) is not the scanner's page.
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: true }).then(function (cached) {
      return cached || Response.error();
    });
  }));
});
