// The compiled theme the publisher renders with (its folder holds the static files to place).
import type { RendererBundle } from '../render/bundle.ts';

let current: RendererBundle | undefined;

export function setCurrentRenderer(bundle: RendererBundle): void {
  current = bundle;
}

export function currentRenderer(): RendererBundle {
  if (!current) throw new Error('Dateline: no renderer loaded');
  return current;
}
