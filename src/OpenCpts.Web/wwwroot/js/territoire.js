// Chart of professionals by profession (/territoire); data in the canvas's data- attributes.
(function () {
    'use strict';
    var canvas = document.getElementById('graphique-professions');
    if (!canvas || typeof Chart === 'undefined') { return; }
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: JSON.parse(canvas.dataset.libelles),
            datasets: [{ label: 'Professionnels', data: JSON.parse(canvas.dataset.valeurs), backgroundColor: '#0d6efd' }]
        },
        options: {
            indexAxis: 'y',
            maintainAspectRatio: false,
            plugins: { legend: { display: false } },
            scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
        }
    });
})();
