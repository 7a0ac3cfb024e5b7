// The browser's time zone, so the pages show times (and read typed ones) in the person's zone.
(function () {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("rapport-zone=" + encodeURIComponent(zone)) < 0) {
        document.cookie = "rapport-zone=" + encodeURIComponent(zone) + "; path=/; SameSite=Lax; max-age=31536000";
    }
})();
