/* Moves the index rebuild's progress bar by polling the progress feed while a rebuild runs. */
(function () {
    var box = document.getElementById('rebuild-progress');
    if (!box) {
        return;
    }
    var bar = document.getElementById('rebuild-bar');
    var status = document.getElementById('rebuild-status');
    function fill(pattern, values) {
        return pattern.replace(/\{(\d)\}/g, function (m, i) {
            return String(values[Number(i)]);
        });
    }
    function poll() {
        fetch(box.dataset.feed, {credentials: 'same-origin', cache: 'no-store'})
            .then(function (r) { return r.json(); })
            .then(function (p) {
                bar.value = p.percent;
                bar.textContent = p.percent + ' %';
                if (p.running) {
                    status.textContent = fill(box.dataset.textRunning, [p.done, p.total]);
                    setTimeout(poll, 700);
                } else if (p.failed) {
                    status.textContent = box.dataset.textFailed;
                } else {
                    status.textContent = fill(box.dataset.textDone, [p.done]);
                }
            })
            .catch(function () { setTimeout(poll, 3000); });
    }
    if (box.dataset.running === 'true') {
        poll();
    }
}());
