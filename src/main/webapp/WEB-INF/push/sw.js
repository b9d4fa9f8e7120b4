/*
 * The service worker of the public site, served from the root so that it may show notifications for any page.
 * A push message carries {title, body, icon, url, lang, tag} (see NotificationPayload); a click on the
 * notification opens the article, in the subscriber's language, or focuses a tab that shows it already.
 * Only addresses on this site are opened.
 */
'use strict';

self.addEventListener('install', function () {
    self.skipWaiting();
});

self.addEventListener('activate', function (event) {
    event.waitUntil(self.clients.claim());
});

self.addEventListener('push', function (event) {
    var data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch (e) {
        data = {title: event.data ? event.data.text() : ''};
    }
    if (!data.title) {
        return;
    }
    event.waitUntil(self.registration.showNotification(data.title, {
        body: data.body || '',
        icon: data.icon,
        lang: data.lang,
        tag: data.tag,
        data: {url: data.url}
    }));
});

self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var url = event.notification.data && event.notification.data.url;
    if (!url) {
        return;
    }
    var target;
    try {
        target = new URL(url, self.location.origin);
    } catch (e) {
        return;
    }
    if (target.origin !== self.location.origin) {
        return;
    }
    event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(function (windows) {
        for (var i = 0; i < windows.length; i++) {
            if (windows[i].url === target.href && 'focus' in windows[i]) {
                return windows[i].focus();
            }
        }
        return self.clients.openWindow(target.href);
    }));
});
