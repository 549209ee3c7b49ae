// Map of the care requests without taker (/parcours/demandes/suivi); data in <script type="application/json" id="donnees-carte">.
(function () {
    'use strict';
    var el = document.getElementById('donnees-carte');
    if (!el || typeof Chart === 'undefined') { return; }
    var points = JSON.parse(el.textContent);
    new Chart(document.getElementById('carte-sans-reponse'), {
        type: 'bubble',
        data: { datasets: [{ label: 'Demandes sans réponse', data: points, backgroundColor: 'rgba(220, 53, 69, 0.5)', borderColor: '#dc3545' }] },
        options: {
            plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { var p = c.raw; return p.commune + ' — ' + p.profession + ' : ' + p.nombre; } } } },
            scales: { x: { title: { display: true, text: 'Longitude' } }, y: { title: { display: true, text: 'Latitude' } } }
        }
    });
})();
