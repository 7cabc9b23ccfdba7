/**
 * Test support for the popup (not shipped): the fake port (fake-port.ts, kept apart so a test can
 * put it in place of the real port module without importing the port's provider) and mounting a
 * screen with it.
 */
import type { ComponentChild } from 'preact';
import type { UiPort } from '../port/ui-port';
import { PortProvider } from '../port/use-port';
import { mount } from '../shared/test-support';

export * from './fake-port';

/** Mounts a screen with the fake port as its port. */
export function mountWithPort(node: ComponentChild, port: UiPort) {
  return mount(<PortProvider port={port}>{node}</PortProvider>);
}
