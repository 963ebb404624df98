// The scanner page: the code field keeps the focus (a USB or Bluetooth scanner types into it
// and presses Enter), and each answer sounds as it looks: one high tone for admitted, two low
// ones for already used, a middle one for refused. Everything works without it.
(function () {
  "use strict";
  var field = document.getElementById("f-code");
  if (field) {
    field.focus();
    document.addEventListener("click", function (event) {
      if (!event.target.closest("a, button, input, textarea, select, label")) field.focus();
    });
  }
  var result = document.querySelector("[data-result]");
  if (!result || !(window.AudioContext || window.webkitAudioContext)) return;
  var tones = { admitted: [880], already: [220, 220], refused: [440] }[result.dataset.result] || [];
  try {
    var context = new (window.AudioContext || window.webkitAudioContext)();
    tones.forEach(function (frequency, index) {
      var oscillator = context.createOscillator();
      var gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.2;
      oscillator.connect(gain);
      gain.connect(context.destination);
      var start = context.currentTime + index * 0.25;
      oscillator.start(start);
      oscillator.stop(start + 0.18);
    });
  } catch (error) {
    // No sound: the colour and the words say it all.
  }
})();
