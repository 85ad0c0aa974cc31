import { buildWeb, webBuildState } from '../server/cli/web-build';
import { REPO_ROOT } from '../server/paths';

/** Builds the web app once for the whole browser run; the test servers start with --no-build. */
export default async function setup() {
  if (webBuildState(REPO_ROOT).kind === 'stale') await buildWeb(REPO_ROOT);
}
