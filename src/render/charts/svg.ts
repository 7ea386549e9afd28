/**
 * Rendering chart specifications to SVG on the server: Vega-Lite compiles the spec to
 * Vega, and Vega renders it headless (`renderer: 'none'`, `toSVG()`), with no canvas
 * and no browser. Data is always inline; the loader refuses every external load, so
 * rendering a chart can never make a network or file request.
 */
import { View, loader, parse } from 'vega';
import { compile } from 'vega-lite';

const NO_LOADS = loader();
NO_LOADS.load = async (uri: string) => {
  throw new Error(`chart tried to load ${uri}; charts must carry their data inline`);
};

/** Render a Vega-Lite specification to an SVG document string. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const compiled = compile(spec as never).spec;
  const view = new View(parse(compiled), { renderer: 'none', loader: NO_LOADS });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
