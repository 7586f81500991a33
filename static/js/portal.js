// Starts GOV.UK Frontend's components (accordions, error summaries, character counts...).
window.GOVUKFrontend.initAll();
