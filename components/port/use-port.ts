/** The port the screens use: the real one, or a mock a test provides with <PortProvider>. */
import { createContext, type ComponentChildren, h } from 'preact';
import { useContext } from 'preact/hooks';
import { busPort } from './bus-port';
import type { UiPort } from './ui-port';

const PortContext = createContext<UiPort>(busPort);

export function PortProvider({ port, children }: { port: UiPort; children: ComponentChildren }) {
  return h(PortContext.Provider, { value: port }, children);
}

export function usePort(): UiPort {
  return useContext(PortContext);
}
