/*
 * The article editor's enhancements, all optional: without script the body stays a plain HTML textarea.
 * - A small rich-text editor over the body textarea (bold, italic, headings, lists, link, quote, and the
 *   HTML source), kept in sync with the textarea, which is what the form sends; the server sanitises it.
 * - A warning before leaving the page with unsaved changes.
 * - A thumbnail of the featured image chosen from the media library.
 */
(function () {
    'use strict';
    var form = document.getElementById('editor');
    if (!form) {
        return;
    }
    var dirty = false;
    function markDirty() { dirty = true; }
    form.addEventListener('input', markDirty);
    form.addEventListener('change', markDirty);
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = form.getAttribute('data-unsaved') || '';
            return event.returnValue;
        }
        return undefined;
    });

    var picker = form.querySelector('.js-image-picker');
    if (picker) {
        picker.addEventListener('change', function () {
            var img = document.getElementById('featured-preview');
            if (!picker.value) {
                if (img) { img.hidden = true; }
                return;
            }
            if (!img) {
                img = document.createElement('img');
                img.id = 'featured-preview';
                img.className = 'bo-thumb';
                img.alt = '';
                picker.parentNode.insertBefore(img, picker.nextSibling);
            }
            img.src = (document.body.getAttribute('data-context') || '') + picker.value;
            img.hidden = false;
        });
    }

    Array.prototype.forEach.call(form.querySelectorAll('textarea.js-richtext'), enhance);

    function enhance(textarea) {
        if (typeof document.execCommand !== 'function') {
            return;
        }
        var label = function (key) { return textarea.getAttribute('data-l-' + key) || key; };
        var wrapper = document.createElement('div');
        wrapper.className = 'bo-rt';
        var toolbar = document.createElement('div');
        toolbar.className = 'bo-rt__toolbar';
        toolbar.setAttribute('role', 'toolbar');
        toolbar.setAttribute('aria-label', label('toolbar'));
        var area = document.createElement('div');
        area.className = 'bo-rt__area';
        area.contentEditable = 'true';
        area.setAttribute('role', 'textbox');
        area.setAttribute('aria-multiline', 'true');
        var labelled = document.querySelector('label[for="' + textarea.id + '"]');
        if (labelled) {
            if (!labelled.id) { labelled.id = textarea.id.replace(/:/g, '-') + '-label'; }
            area.setAttribute('aria-labelledby', labelled.id);
        }
        area.id = textarea.id.replace(/:/g, '-') + '-rich';
        area.innerHTML = textarea.value;
        var sourceMode = false;

        function sync() {
            if (!sourceMode) {
                textarea.value = area.innerHTML;
            }
        }
        function button(key, text, action) {
            var b = document.createElement('button');
            b.type = 'button';
            b.className = 'bo-rt__button';
            b.setAttribute('data-command', key);
            b.textContent = text;
            b.title = label(key);
            b.setAttribute('aria-label', label(key));
            b.addEventListener('mousedown', function (e) { e.preventDefault(); });
            b.addEventListener('click', function () {
                if (sourceMode && key !== 'source') {
                    return;
                }
                action();
                sync();
                markDirty();
                if (key !== 'source') { area.focus(); }
            });
            toolbar.appendChild(b);
            return b;
        }
        function exec(command, value) { return function () { area.focus(); document.execCommand(command, false, value); }; }
        button('bold', 'B', exec('bold'));
        button('italic', 'I', exec('italic'));
        button('h2', 'H2', exec('formatBlock', 'h2'));
        button('h3', 'H3', exec('formatBlock', 'h3'));
        button('ul', '•', exec('insertUnorderedList'));
        button('ol', '1.', exec('insertOrderedList'));
        button('link', '🔗', function () {
            area.focus();
            var url = window.prompt(label('linkprompt'), 'https://');
            if (url && /^(https?:|mailto:|\/)/i.test(url.trim())) {
                document.execCommand('createLink', false, url.trim());
            }
        });
        button('quote', '❝', exec('formatBlock', 'blockquote'));
        var sourceButton = button('source', '</>', function () {
            sourceMode = !sourceMode;
            if (sourceMode) {
                textarea.value = area.innerHTML;
                area.hidden = true;
                textarea.hidden = false;
                textarea.focus();
            } else {
                area.innerHTML = textarea.value;
                textarea.hidden = true;
                area.hidden = false;
                area.focus();
            }
            sourceButton.setAttribute('aria-pressed', sourceMode ? 'true' : 'false');
        });
        sourceButton.setAttribute('aria-pressed', 'false');

        area.addEventListener('input', function () { sync(); markDirty(); });
        area.addEventListener('blur', sync);
        form.addEventListener('submit', function () {
            if (!sourceMode) { textarea.value = area.innerHTML; }
        }, true);

        textarea.parentNode.insertBefore(wrapper, textarea);
        wrapper.appendChild(toolbar);
        wrapper.appendChild(area);
        wrapper.appendChild(textarea);
        textarea.hidden = true;
        document.execCommand('defaultParagraphSeparator', false, 'p');
    }
}());
