# gouji serve in headless Chromium (tests/browser/serve_test.js, with
# puppeteer-core from 'make deps'): the sample dropped into the page, its
# findings found in the DOM at their places, several files and the
# roll-up, the XLSX downloaded and read back, a <script> title shown as
# text.  Screenshots: tests/out/serve_*.png.  Bounded in time only:
# Chromium reserves more address space than ulimit -v would let it.
timeout 900 node tests/browser/serve_test.js; echo "exit $?"
