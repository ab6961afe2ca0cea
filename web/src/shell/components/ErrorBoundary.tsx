import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';

/** Keeps one broken page (or a failed chunk download) from blanking the whole console. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <Result
          status="error"
          title="Error / 出错了"
          subTitle={this.state.error.message}
          extra={<Button onClick={() => window.location.reload()}>Reload / 刷新</Button>}
        />
      );
    }
    return this.props.children;
  }
}
