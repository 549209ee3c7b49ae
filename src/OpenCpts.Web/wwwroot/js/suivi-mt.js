// Charts of the médecin-traitant follow-up (/medecin-traitant/suivi); data in <script type="application/json" id="donnees-suivi-mt">.
(function () {
    'use strict';
    var source = document.getElementById('donnees-suivi-mt');
    if (!source || typeof Chart === 'undefined') { return; }
    var d = JSON.parse(source.textContent);
    function barres(id, serie, couleur, horizontal) {
        new Chart(document.getElementById(id), {
            type: 'bar',
            data: { labels: serie.libelles, datasets: [{ label: 'Patients', data: serie.valeurs, backgroundColor: couleur }] },
            options: { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
    }
    barres('graphique-priorite', d.priorite, '#dc3545', false);
    barres('graphique-communes', d.communes, '#0d6efd', true);
    barres('graphique-placees', d.placees, '#198754', false);
})();
