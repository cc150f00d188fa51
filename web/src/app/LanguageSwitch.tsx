import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useT } from '../i18n';

/** One click toggles zh-CN ⇄ en; the label names the language you switch to. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <Button
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      aria-label={t('app.language')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
