// Progressive enhancement of the directory's map, loaded only when a tile server is configured: the
// server-drawn SVG and the list stay the page's content; this adds a Leaflet map of the same places
// (the GeoJSON export of the current filters) and hides the SVG once the map is drawn.
(function () {
  "use strict";
  var box = document.getElementById("carte-dynamique");
  if (!box || !window.L || !window.fetch) { return; }
  fetch(box.getAttribute("data-geojson"), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      box.hidden = false;
      var map = L.map(box);
      L.tileLayer(box.getAttribute("data-tiles"), { attribution: box.getAttribute("data-attribution"), maxZoom: 18 }).addTo(map);
      var layer = L.geoJSON(data, {
        onEachFeature: function (feature, marker) {
          var link = document.createElement("a");
          link.href = feature.properties.url;
          link.textContent = feature.properties.nom;
          var text = document.createElement("div");
          text.appendChild(link);
          text.appendChild(document.createTextNode(" — " + feature.properties.code_postal + " " + feature.properties.commune));
          marker.bindPopup(text);
        }
      }).addTo(map);
      if (data.features.length) { map.fitBounds(layer.getBounds(), { maxZoom: 14 }); } else { map.setView([46.6, 2.4], 5); }
      var drawn = document.getElementById("carte-svg");
      if (drawn) { drawn.hidden = true; }
    })
    .catch(function () { box.hidden = true; });
})();
