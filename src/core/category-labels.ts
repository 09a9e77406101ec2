import type { Category } from './categories.js';
import type { Lang } from './lang.js';

/** How people call each category, for answers and digests in their language. */
export const CATEGORY_LABELS: Record<Lang, Record<Category, string>> = {
  zh: {
    'check-in': '打卡签到',
    'data-request': '填表报数',
    'like-quota': '点赞转发',
    'app-install': '下载注册',
    'ranking-pressure': '排名通报',
    'proof-demand': '截图留痕',
    'ack-demand': '回复收到',
  },
  en: {
    'check-in': 'check-ins',
    'data-request': 'forms and data',
    'like-quota': 'likes and shares',
    'app-install': 'app installs',
    'ranking-pressure': 'rankings',
    'proof-demand': 'proof screenshots',
    'ack-demand': 'acknowledgements',
  },
};
