// Does nothing: its isolated world being created is the signal (test/e2e/harness.ts).
void 0;
