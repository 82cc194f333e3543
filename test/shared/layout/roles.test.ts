import { describe, expect, it } from 'vitest';
import { inferRoles, planResize, resizeOptionsFromKit } from '../../../shared/src/layout';
import { placeNodes } from '../../../shared/src/visual';
import { loadMasters } from './masters';

const master = loadMasters().find((entry) => entry.name === 'stack-instance-headline')!;

describe('a headline that is a component instance', () => {
  it('gives the #headline tag on the instance to the one text inside it', () => {
    const roles = inferRoles(master.snapshot);
    expect(roles.get('h:8')).toBe('headline');
    expect(roles.get('h:7')).toBe('group');
    expect([...roles.values()].filter((role) => role === 'headline')).toHaveLength(1);
  });

  it('keeps a #headline tag on a painted instance, which moves as one piece', () => {
    const painted = {
      ...master.snapshot,
      children: master.snapshot.children.map((child) =>
        child.type === 'frame' && child.id === 'h:5'
          ? { ...child, children: child.children.map((inner) => (inner.id === 'h:7' ? { ...inner, fills: [{ type: 'SOLID' as const, color: '#FFFFFF', opacity: 1, visible: true }] } : inner)) }
          : child,
      ),
    };
    expect(inferRoles(painted).get('h:7')).toBe('headline');
  });

  it.each([[728, 90], [320, 50], [300, 250], [160, 600]])('is refitted as text and shown at %i×%i', (width, height) => {
    const plan = planResize(master.snapshot, { width, height }, resizeOptionsFromKit(master.visual, width, height));
    expect(plan.audit.filter((finding) => finding.kind === 'missing')).toEqual([]);
    const title = placeNodes(plan.snapshot).find((entry) => entry.node.id === 'h:8');
    expect(title?.node.visible).toBe(true);
    expect(title!.rect.x + title!.rect.width).toBeLessThanOrEqual(width);
  });
});
