import { useState, type ReactNode } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, Radio, Result, Space } from 'antd';
import { FileAddOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderView, RecognitionView } from '@yigong/contracts';
import { DIAGNOSTIC_PRIORITIES, type DiagnosticPriority } from '@yigong/domain';
import { isApiError, newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useAuth, useUser } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { ErrorState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatYuan } from '../../shared/i18n/format.ts';
import { ItemFacts, ItemSelect } from './item-select.component.tsx';
import { RecognitionChoice } from './recognition.component.tsx';
import { ResidentSelect, type KnownResident } from './resident-select.component.tsx';
import { ModalityTag, OrderStatusTag, PriorityTag } from './order-tags.component.tsx';
import { useCreateOrder, useDiagnosticItems, useRecognitionUse } from './diagnostics.resource.ts';

interface Values {
  residentId?: string;
  itemCode?: string;
  priority: DiagnosticPriority;
  reason?: string;
}

type Stage =
  | { kind: 'form' }
  | { kind: 'recognised'; values: Values }
  | { kind: 'created'; order: OrderView }
  | { kind: 'saved'; recognition: RecognitionView };

const FIELDS = ['residentId', 'itemCode', 'priority', 'reason'];

function Created({ order, onClose, onAnother }: { order: OrderView; onClose: () => void; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('diagnostics.submitted')}
      subTitle={t('diagnostics.submittedHint')}
      data-testid="order-created"
      extra={
        <Space>
          <Link to={`/diagnostics/orders/${order.id}`} onClick={onClose}>
            <Button type="primary" data-testid="open-order">
              {t('diagnostics.openOrder')}
            </Button>
          </Link>
          <Button onClick={onAnother}>{t('diagnostics.orderAnother')}</Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'resident', label: t('diagnostics.resident'), children: order.residentName },
          { key: 'item', label: t('diagnostics.item'), children: <><ModalityTag modality={order.modality} />{order.itemName}</> },
          { key: 'centre', label: t('diagnostics.centre'), children: `${order.centreName} · ${order.performingOrganizationName}` },
          { key: 'status', label: t('diagnostics.status'), children: <><OrderStatusTag status={order.status} /><PriorityTag priority={order.priority} /></> },
        ]}
      />
    </Result>
  );
}

function Saved({ r, onClose, onAnother }: { r: RecognitionView; onClose: () => void; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('diagnostics.savedTitle')}
      subTitle={
        <Space orientation="vertical" size={4}>
          <span style={{ fontSize: 22, fontWeight: 600, color: '#389e0d' }} data-testid="saved-amount">
            {t('diagnostics.saved', { amount: formatYuan(r.priceFen) })}
          </span>
          <span>{t('diagnostics.savedHint')}</span>
        </Space>
      }
      data-testid="recognition-used"
      extra={
        <Space>
          <Link to={`/diagnostics/orders/${r.orderId}`} onClick={onClose}>
            <Button type="primary">{t('diagnostics.openRecognised')}</Button>
          </Link>
          <Button onClick={onAnother}>{t('diagnostics.orderAnother')}</Button>
        </Space>
      }
    />
  );
}

interface DrawerProps {
  open: boolean;
  onClose: () => void;
  /** The resident the form starts with (the record it was opened from, or `?residentId=`). */
  resident?: KnownResident | null;
}

/**
 * 开具申请: resident, item (grouped by centre, with price and 互认有效期), priority and reason. A
 * result the unit must recognise stops the order (409): use it, or repeat with a reason. The
 * client id makes a retried submission return the order it made.
 */
export function NewOrderDrawer({ open, onClose, resident }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useUser();
  const { communityId } = useCommunitySelection();
  const [form] = Form.useForm<Values>();
  const items = useDiagnosticItems(communityId);
  const create = useCreateOrder();
  const adopt = useRecognitionUse();
  const [requestId, setRequestId] = useState(newId);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const itemCode = Form.useWatch('itemCode', form);
  const item = items.data?.find((i) => i.code === itemCode);

  function reset() {
    setStage({ kind: 'form' });
    setRequestId(newId());
    form.resetFields();
  }

  function close() {
    reset();
    onClose();
  }

  /** Submits; resolves to the server's complaint about `repeatReason`, if any. */
  async function submit(v: Values, repeatReason?: string): Promise<string | undefined> {
    try {
      const order = await create.mutateAsync({
        id: requestId,
        residentId: v.residentId!,
        itemCode: v.itemCode!,
        priority: v.priority,
        reason: v.reason!.trim(),
        orderingOrganizationId: user.organizationId!,
        repeatReason,
        clientRecordedAt: new Date().toISOString(),
      });
      setRequestId(newId());
      setStage({ kind: 'created', order });
    } catch (e) {
      if (isApiError(e, 'CONFLICT') && e.detail<string>('recognisedOrderId')) {
        setStage({ kind: 'recognised', values: v });
        return undefined;
      }
      if (isApiError(e, 'VALIDATION_FAILED') && e.detail<string>('field') === 'repeatReason') return e.message;
      setStage({ kind: 'form' });
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
    return undefined;
  }

  async function adoptExisting(values: Values, r: RecognitionView) {
    try {
      const used = await adopt.mutateAsync({ id: newId(), residentId: values.residentId!, itemCode: values.itemCode!, recognisedOrderId: r.orderId });
      setStage({ kind: 'saved', recognition: used });
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  let body: ReactNode = null;
  if (stage.kind === 'created') body = <Created order={stage.order} onClose={close} onAnother={reset} />;
  else if (stage.kind === 'saved') body = <Saved r={stage.recognition} onClose={close} onAnother={reset} />;
  else if (stage.kind === 'recognised')
    body = (
      <RecognitionChoice
        residentId={stage.values.residentId!}
        itemCode={stage.values.itemCode!}
        onUse={(r) => void adoptExisting(stage.values, r)}
        onRepeat={(reason) => submit(stage.values, reason)}
        onBack={() => setStage({ kind: 'form' })}
        using={adopt.isPending}
        repeating={create.isPending}
      />
    );

  const editing = stage.kind === 'form';
  return (
    <Drawer
      open={open}
      onClose={close}
      size={720}
      destroyOnHidden
      title={resident ? t('diagnostics.newOrderFor', { name: resident.name }) : t('diagnostics.newOrderTitle')}
      extra={
        editing && (
          <Space>
            <Button onClick={close}>{t('action.cancel')}</Button>
            <Button type="primary" icon={<SendOutlined />} loading={create.isPending} onClick={() => form.submit()} data-testid="order-submit">
              {t('action.submit')}
            </Button>
          </Space>
        )
      }
    >
      {body}
      {items.isError && editing && <ErrorState error={items.error} onRetry={() => void items.refetch()} compact />}
      {/* Kept mounted while the recognised result is shown, so 返回修改 finds the values again. */}
      <div style={{ display: editing ? undefined : 'none' }}>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={(v) => void submit(v)}
          initialValues={{ residentId: resident?.id, priority: 'routine' }}
          data-testid="order-form"
        >
          <Form.Item name="residentId" label={t('diagnostics.resident')} rules={[{ required: true, message: t('diagnostics.residentRequired') }]}>
            <ResidentSelect communityId={communityId} known={resident} data-testid="order-resident" />
          </Form.Item>
          <Form.Item name="itemCode" label={t('diagnostics.item')} rules={[{ required: true, message: t('diagnostics.itemRequired') }]}>
            <ItemSelect items={items.data ?? []} loading={items.isPending} data-testid="order-item" />
          </Form.Item>
          {item && (
            <div style={{ marginBottom: 16 }}>
              <ItemFacts item={item} />
            </div>
          )}
          <Form.Item name="priority" label={t('diagnostics.priority')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="order-priority">
              {DIAGNOSTIC_PRIORITIES.map((p) => (
                <Radio.Button key={p} value={p}>
                  {t(`diagnostics.priorities.${p}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="reason" label={t('diagnostics.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('diagnostics.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('diagnostics.reasonPlaceholder')} data-testid="order-reason" />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}

/** Whether the user may order: the permission and a unit of its own to order for. */
export function useCanOrder(): boolean {
  const { user, can } = useAuth();
  return !!user?.organizationId && can('diagnostics.order');
}

/** The 开具申请 button with its drawer. */
export function NewOrderButton({ resident, label, open: initiallyOpen = false }: { resident?: KnownResident | null; label?: string; open?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <>
      <Button type="primary" icon={<FileAddOutlined />} onClick={() => setOpen(true)} data-testid="new-order">
        {label ?? t('diagnostics.newOrder')}
      </Button>
      {open && <NewOrderDrawer open={open} onClose={() => setOpen(false)} resident={resident} />}
    </>
  );
}
