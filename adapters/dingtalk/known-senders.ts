/**
 * DingTalk's sender id of each person seen, mapped to the id the adapter gives them (their
 * organisation userId, where they have one). A quote names its sender by DingTalk's id alone, so
 * only a person the robot has heard from can be told; the oldest are forgotten past `max`.
 */
export class KnownSenders {
  private readonly ids = new Map<string, string>();

  constructor(private readonly max = 20_000) {}

  remember(dingtalkId: string, id: string): void {
    this.ids.delete(dingtalkId);
    this.ids.set(dingtalkId, id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value!);
  }

  idOf(dingtalkId: string | undefined): string | undefined {
    return dingtalkId === undefined ? undefined : this.ids.get(dingtalkId);
  }
}
