// The count of requests waiting for the signed-in user's decision, beside the menu entry. Counted again
// every minute and at once after a decision on this page.
import { Badge } from 'antd';
import { useEffect, useState } from 'react';
import { APPROVALS_CHANGED, approvalsApi } from './approvalsApi';

export default function ApprovalBadge() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () =>
      approvalsApi.count().then(
        (c) => alive && setCount(c.toDecide),
        () => undefined, // signed out or offline: no badge
      );
    load();
    const timer = window.setInterval(load, 60_000);
    window.addEventListener(APPROVALS_CHANGED, load);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener(APPROVALS_CHANGED, load);
    };
  }, []);
  return <Badge count={count} size="small" data-testid="approvals-badge" />;
}
