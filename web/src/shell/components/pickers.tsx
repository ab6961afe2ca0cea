import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useApp } from '../context';
import { categoryTree, matchesNode, unitTree, type TreeNode } from '../tree';

interface PickerProps<V> {
  value?: V;
  onChange?: (v: V) => void;
  id?: string;
  placeholder?: string;
  autoFocus?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

const filterTreeNode = (input: string, node: unknown) => matchesNode(input, node as TreeNode);

/** A searchable tree select; the two pickers differ only in their tree and placeholder. */
function TreePicker({ tree, placeholder, props, lined }: { tree: TreeNode[]; placeholder: string; props: PickerProps<string | undefined>; lined?: boolean }) {
  return (
    <TreeSelect
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={tree}
      showSearch={{ filterTreeNode, treeNodeFilterProp: 'searchText' }}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder ?? placeholder}
      styles={lined ? { popup: { root: { maxHeight: 420, overflow: 'auto' } } } : undefined}
      style={{ width: '100%' }}
      treeDefaultExpandAll={false}
      treeLine={lined}
      autoFocus={props.autoFocus}
    />
  );
}

/** Searchable three-level category tree: type a code or any part of a name. */
export function CategorySelect(props: PickerProps<string | undefined>) {
  const { categories, lang, t } = useApp();
  const tree = useMemo(() => categoryTree(categories, lang), [categories, lang]);
  return <TreePicker tree={tree} placeholder={t('picker.category')} props={props} lined />;
}

/** Searchable unit tree (districts → streets, departments, companies). */
export function UnitSelect(props: PickerProps<string | undefined>) {
  const { units, t, lang } = useApp();
  const tree = useMemo(() => unitTree(units, lang), [units, lang]);
  return <TreePicker tree={tree} placeholder={t('picker.unit')} props={props} />;
}

export function UnitsSelect(props: PickerProps<string[] | undefined>) {
  const { units, t, lang } = useApp();
  const tree = useMemo(() => unitTree(units, lang), [units, lang]);
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={(v: string[]) => props.onChange?.(v)}
      treeData={tree}
      multiple
      showSearch={{ filterTreeNode, treeNodeFilterProp: 'searchText' }}
      allowClear
      placeholder={props.placeholder ?? t('picker.unit')}
      style={{ width: '100%' }}

    />
  );
}

// The API accepts up to 5 MB per file; refuse bigger ones before sending them.
