// Contacts with their channels and consent: a do-not-contact person or a channel without consent is shown
// struck out, so nobody calls them by mistake.
import { MailOutlined, MobileOutlined, PhoneOutlined, WechatOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import type { Contact } from '../../api/types';
import { labelOr, useT } from '../../i18n';

const CHANNELS = ['phone', 'sms', 'email', 'letter'] as const;

export function ContactsTab({ contacts }: { contacts: Contact[] }) {
  const t = useT();
  return (
    <Table<Contact>
      rowKey="id"
      size="middle"
      data-testid="contact-table"
      pagination={false}
      dataSource={contacts}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('contacts.col.name'),
          dataIndex: 'name',
          render: (name: string, c) => (
            <Space size={4} wrap>
              <Typography.Text strong delete={c.doNotContact}>
                {name}
              </Typography.Text>
              {c.isPrimary ? <Tag color="blue">{t('contacts.primary')}</Tag> : null}
              {c.doNotContact ? <Tag color="red">{t('contacts.doNotContact')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('contacts.col.role'),
          dataIndex: 'role',
          width: 110,
          render: (role: string, c) => (
            <>
              {labelOr(t, `contacts.role.${role}`, role)}
              {c.title ? <div style={{ color: '#8c8c8c', fontSize: 12 }}>{c.title}</div> : null}
            </>
          ),
        },
        {
          title: t('contacts.col.reach'),
          key: 'reach',
          render: (_, c) => (
            <Space orientation="vertical" size={0}>
              {c.mobile ? (
                <span>
                  <MobileOutlined /> {c.mobile}
                </span>
              ) : null}
              {c.phone ? (
                <span>
                  <PhoneOutlined /> {c.phone}
                </span>
              ) : null}
              {c.email ? (
                <span>
                  <MailOutlined /> {c.email}
                </span>
              ) : null}
              {c.wechat ? (
                <span title={t('contacts.wechat')}>
                  <WechatOutlined /> {c.wechat}
                </span>
              ) : null}
            </Space>
          ),
        },
        {
          title: t('contacts.col.channels'),
          key: 'channels',
          width: 230,
          render: (_, c) => (
            <Space size={4} wrap>
              {CHANNELS.map((channel) => {
                const allowed = !c.doNotContact && c.channels?.[channel] !== false;
                return (
                  <Tag key={channel} color={allowed ? 'green' : 'default'}>
                    {allowed ? t(`contacts.channel.${channel}`) : <s>{t(`contacts.channel.${channel}`)}</s>}
                  </Tag>
                );
              })}
            </Space>
          ),
        },
        {
          title: t('contacts.col.hours'),
          dataIndex: 'preferredHours',
          width: 120,
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}
