/** Which members each group holds (devices per enclosure, say), kept as members move. */
export class GroupMembership {
  private readonly members = new Map<string, Set<string>>();

  move(member: string, from: string | undefined, to: string | undefined): void {
    if (from === to) return;
    if (from !== undefined) this.members.get(from)?.delete(member);
    if (to === undefined) return;
    let group = this.members.get(to);
    if (!group) this.members.set(to, (group = new Set()));
    group.add(member);
  }

  of(group: string): ReadonlySet<string> {
    return this.members.get(group) ?? new Set();
  }
}
