/*
 * The push notification prompt of the public site. The page is the same for every reader (it is cached), so
 * everything about this reader is decided here: whether the browser can receive notifications, whether it is
 * already subscribed, and whether the reader said "No thanks" less than data-days days ago (remembered in
 * localStorage). "OK" asks the browser for permission, registers the service worker at the site root,
 * subscribes with the site's VAPID key and tells the site (POST /push/subscription, with a double-submit
 * token in a cookie and a header). The footer button turns notifications off again, or on.
 */
(function () {
    'use strict';
    var root = document.getElementById('push');
    if (!root) {
        return;
    }
    var base = root.getAttribute('data-base') || '';
    var lang = root.getAttribute('data-lang');
    var key = root.getAttribute('data-key');
    var days = parseInt(root.getAttribute('data-days'), 10) || 30;
    var prompt = document.getElementById('push-prompt');
    var footer = document.getElementById('push-footer');
    var onButton = document.getElementById('push-on');
    var offButton = document.getElementById('push-off');
    var status = document.getElementById('push-status');
    var DECLINED = 'scriptorium.push.declined';
    var SUBSCRIBED = 'scriptorium.push.on';
    var supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
        && window.isSecureContext;

    function stored(name) {
        try {
            return window.localStorage.getItem(name);
        } catch (e) {
            return null;
        }
    }

    function store(name, value) {
        try {
            if (value) {
                window.localStorage.setItem(name, String(value));
            } else {
                window.localStorage.removeItem(name);
            }
        } catch (e) {
            // Storage may be off; the prompt then simply asks again on the next page.
        }
    }

    function remember(declinedAt) {
        store(DECLINED, declinedAt);
    }

    function declinedRecently() {
        var at = parseInt(stored(DECLINED) || '0', 10);
        return at > 0 && Date.now() - at < days * 86400000;
    }

    function say(name) {
        status.textContent = name ? root.getAttribute('data-msg-' + name) || '' : '';
    }

    function show(element, visible) {
        element.hidden = !visible;
    }

    function token() {
        var found = document.cookie.match(/(?:^|;\s*)scriptorium_push_token=([A-Za-z0-9_-]{20,100})/);
        if (found) {
            return found[1];
        }
        var bytes = new Uint8Array(24);
        window.crypto.getRandomValues(bytes);
        var value = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_')
            .replace(/=+$/, '');
        document.cookie = 'scriptorium_push_token=' + value + '; path=' + (base || '/') + '; max-age=31536000; SameSite=Strict'
            + (location.protocol === 'https:' ? '; Secure' : '');
        return value;
    }

    function post(path, body) {
        return fetch(base + path, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-Push-Token': token()},
            body: JSON.stringify(body)
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response;
        });
    }

    function keyBytes(value) {
        var s = value.replace(/-/g, '+').replace(/_/g, '/');
        while (s.length % 4) {
            s += '=';
        }
        var raw = atob(s);
        var out = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            out[i] = raw.charCodeAt(i);
        }
        return out;
    }

    function currentSubscription() {
        return navigator.serviceWorker.getRegistration(base + '/').then(function (registration) {
            return registration ? registration.pushManager.getSubscription() : null;
        });
    }

    function render(subscription) {
        var subscribed = !!subscription;
        var denied = Notification.permission === 'denied';
        store(SUBSCRIBED, subscribed ? '1' : null);
        show(offButton, subscribed);
        show(onButton, !subscribed && !denied);
        show(footer, true);
        show(prompt, !subscribed && !denied && !declinedRecently());
        root.setAttribute('data-state', subscribed ? 'subscribed' : denied ? 'denied' : 'unsubscribed');
    }

    function fail(error) {
        root.setAttribute('data-error', String(error && error.message ? error.message : error));
        say('failed');
        render(null);
    }

    /** Marks how far the last subscription attempt got, for support and tests. */
    function step(name) {
        root.setAttribute('data-step', name);
    }

    function subscribe() {
        show(prompt, false);
        say('');
        root.removeAttribute('data-error');
        step('permission');
        Notification.requestPermission().then(function (permission) {
            if (permission !== 'granted') {
                say('denied');
                render(null);
                return null;
            }
            step('service-worker');
            return navigator.serviceWorker.register(base + '/sw.js', {scope: base + '/'}).then(function () {
                return navigator.serviceWorker.ready;
            }).then(function (registration) {
                step('subscribing');
                return registration.pushManager.getSubscription().then(function (existing) {
                    return existing || registration.pushManager.subscribe({
                        userVisibleOnly: true,
                        applicationServerKey: keyBytes(key)
                    });
                });
            }).then(function (subscription) {
                step('saving');
                var json = subscription.toJSON();
                return post('/push/subscription', {
                    endpoint: json.endpoint,
                    keys: json.keys,
                    lang: lang,
                    page: location.pathname
                }).then(function () {
                    step('done');
                    remember(0);
                    say('on');
                    render(subscription);
                });
            });
        }).catch(fail);
    }

    function unsubscribe() {
        say('');
        currentSubscription().then(function (subscription) {
            if (!subscription) {
                render(null);
                return null;
            }
            var endpoint = subscription.endpoint;
            return subscription.unsubscribe().then(function () {
                return post('/push/unsubscribe', {endpoint: endpoint, lang: lang});
            }).then(function () {
                remember(Date.now());
                say('off');
                render(null);
            });
        }).catch(fail);
    }

    if (!supported) {
        return;
    }
    document.getElementById('push-ok').addEventListener('click', subscribe);
    document.getElementById('push-no').addEventListener('click', function () {
        remember(Date.now());
        show(prompt, false);
    });
    onButton.addEventListener('click', function () {
        remember(0);
        subscribe();
    });
    offButton.addEventListener('click', unsubscribe);
    // Decide at once from what this browser remembers, so the page does not move later; then check with the
    // browser's push manager, which answers asynchronously.
    var believed = stored(SUBSCRIBED) === '1' && Notification.permission === 'granted';
    render(believed);
    currentSubscription().then(function (subscription) {
        if (!!subscription !== believed) {
            render(subscription);
        }
    }, function () {
        render(null);
    });
})();
