// Behaviour shared by every page. The Content-Security-Policy forbids inline scripts and event handlers:
// pages declare what they need with data- attributes, read here.
(function () {
    'use strict';

    // <form data-confirmer="Question ?">: ask before submitting.
    document.addEventListener('submit', function (e) {
        var formulaire = e.target.closest('form[data-confirmer]');
        if (formulaire && !window.confirm(formulaire.getAttribute('data-confirmer'))) {
            e.preventDefault();
            e.stopImmediatePropagation();
        }
    }, true);

    // <button data-copier="#selector">: copy the target's text (token alert); delegated so that htmx-swapped content works too.
    document.addEventListener('click', function (e) {
        var bouton = e.target.closest('[data-copier]');
        if (!bouton) { return; }
        var cible = document.querySelector(bouton.getAttribute('data-copier'));
        if (!cible || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(cible.textContent.trim()).then(function () {
            bouton.textContent = 'Copié';
        });
    });

    // <form hx-post=… data-relancer="#selector">: after the request, trigger "search" on the target (refreshes a result list).
    document.addEventListener('htmx:afterRequest', function (e) {
        var source = e.detail && e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest('[data-relancer]') : null;
        if (source && window.htmx) {
            window.htmx.trigger(source.getAttribute('data-relancer'), 'search');
        }
    });
})();
