/**
 * `tornado FILE --swing P` when FILE declares drivers: the drivers' distributions decide,
 * so the swing cannot apply; it must not be silently ignored (acceptance bug): one line on
 * stderr says so, and the output is the drivers' tornado.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('tornado --swing with declared drivers', () => {
  it('warns in one stderr line that the file\'s drivers decide, and gives the drivers\' tornado', () => {
    const withSwing = runCli(['tornado', 'scenarios/delivery-risk.yaml', '--swing', '10%', '--format', 'json']);
    const without = runCli(['tornado', 'scenarios/delivery-risk.yaml', '--format', 'json']);
    expect(withSwing.status).toBe(0);
    expect(withSwing.stderr).toBe('fn-model: warning: --swing ignored: scenarios/delivery-risk.yaml declares drivers, so their distributions (min to max) decide the swing\n');
    expect(without.stderr).toBe('');
    expect(withSwing.stdout).toBe(without.stdout);
  });

  it('applies --swing, silently, to a file without drivers', () => {
    const ten = runCli(['tornado', 'scenarios/adults-slip-25.yaml', '--swing', '10%', '--format', 'json']);
    const base = runCli(['tornado', 'scenarios/adults-slip-25.yaml', '--format', 'json']);
    expect(ten.status).toBe(0);
    expect(ten.stderr).toBe('');
    expect(ten.stdout).not.toBe(base.stdout);
  });

  it('documents it in --help', () => {
    expect(runCli(['tornado', '--help']).stdout).toContain('--swing applies only to a file without drivers');
  });
});
