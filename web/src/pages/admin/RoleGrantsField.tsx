// Edits a user's role grants: each a role, for all entities or for one.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import { useEntities } from '../../hooks/useReference';
import { useT } from '../../i18n';

export const ROLES = [
  'admin',
  'credit_manager',
  'collection_manager',
  'collector',
  'salesperson',
  'finance',
  'auditor',
] as const;

/** A Form.List of `{ role, entityId }` under the field `roles`. */
export function RoleGrantsField() {
  const t = useT();
  const entities = useEntities();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ minWidth: 160 }}>
                <Select
                  placeholder={t('admin.users.role')}
                  options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                  data-testid="role-select"
                />
              </Form.Item>
              <Form.Item name={[field.name, 'entityId']} style={{ minWidth: 200 }}>
                <Select
                  allowClear
                  placeholder={t('admin.users.allEntities')}
                  options={entities.map((entity) => ({
                    value: entity.id,
                    label: `${entity.code} ${entity.name}`,
                  }))}
                />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ role: undefined, entityId: null })}
            data-testid="add-role"
          >
            {t('admin.users.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
