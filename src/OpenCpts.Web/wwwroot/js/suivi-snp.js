// Charts of the unscheduled-care follow-up (/snp/suivi); data in <script type="application/json"> elements.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') { return; }
    var demandes = document.getElementById('donnees-demandes');
    if (demandes) {
        var dd = JSON.parse(demandes.textContent);
        new Chart(document.getElementById('graphique-demandes'), {
            type: 'line',
            data: {
                labels: dd.jours,
                datasets: [
                    { label: 'Prises', data: dd.creees, borderColor: '#0d6efd', backgroundColor: '#0d6efd' },
                    { label: 'Répondues (rendez-vous réservé)', data: dd.repondues, borderColor: '#198754', backgroundColor: '#198754' }
                ]
            },
            options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
    }
    var pros = document.getElementById('donnees-professionnels');
    if (pros) {
        var dp = JSON.parse(pros.textContent);
        new Chart(document.getElementById('graphique-professionnels'), {
            type: 'bar',
            data: {
                labels: dp.noms,
                datasets: [
                    { label: 'Offerts', data: dp.offerts, backgroundColor: '#0d6efd' },
                    { label: 'Réservés', data: dp.reserves, backgroundColor: '#198754' }
                ]
            },
            options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
    }
    var source = document.getElementById('donnees-semaines');
    if (!source) { return; }
    var d = JSON.parse(source.textContent);
    new Chart(document.getElementById('graphique-semaines'), {
        type: 'bar',
        data: {
            labels: d.semaines,
            datasets: [
                { label: 'Offerts', data: d.offerts, backgroundColor: '#0d6efd' },
                { label: 'Réservés', data: d.reserves, backgroundColor: '#198754' }
            ]
        },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
})();
